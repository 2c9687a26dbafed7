using System.Runtime.CompilerServices;

namespace Abm.Engines.Engagement;

/// <summary>
/// Events of many contacts in a columnar layout grouped by contact: contact <c>c</c> owns the events
/// <c>[offsets[c], offsets[c + 1])</c> of the time and type columns. Grouping once lets the scoring pass
/// walk contiguous spans with no hashing, and split contacts across cores without sharing state.
/// </summary>
public sealed class ContactEventBatch
{
    private readonly int[] _offsets;
    private readonly long[] _utcTicks;
    private readonly EngagementEventType[] _types;

    private ContactEventBatch(int[] offsets, long[] utcTicks, EngagementEventType[] types)
    {
        _offsets = offsets;
        _utcTicks = utcTicks;
        _types = types;
    }

    /// <summary>Number of contacts (including those with no events).</summary>
    public int ContactCount => _offsets.Length - 1;

    /// <summary>Number of events across all contacts.</summary>
    public int EventCount => _utcTicks.Length;

    /// <summary>
    /// Groups flat event columns by contact with a stable counting sort (O(events + contacts)).
    /// Row <c>i</c> is an event of contact <paramref name="contactIndexes"/>[i] of type <paramref name="types"/>[i]
    /// at <paramref name="utcTicks"/>[i] (<see cref="DateTimeOffset.UtcTicks"/>). Rows may come in any order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // runs once per pass: tiered JIT would leave it unoptimised
    public static ContactEventBatch FromColumns(
        int contactCount,
        ReadOnlySpan<int> contactIndexes,
        ReadOnlySpan<long> utcTicks,
        ReadOnlySpan<EngagementEventType> types)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contactCount);
        if (contactIndexes.Length != utcTicks.Length || contactIndexes.Length != types.Length)
        {
            throw new ArgumentException("All event columns must have the same length.", nameof(contactIndexes));
        }

        var offsets = new int[contactCount + 1];
        foreach (var contact in contactIndexes)
        {
            if ((uint)contact >= (uint)contactCount)
            {
                throw new ArgumentOutOfRangeException(nameof(contactIndexes), contact, "Contact index outside the batch.");
            }

            offsets[contact + 1]++;
        }

        for (var c = 0; c < contactCount; c++)
        {
            offsets[c + 1] += offsets[c];
        }

        var sortedTicks = new long[utcTicks.Length];
        var sortedTypes = new EngagementEventType[types.Length];
        var next = offsets[..^1];
        for (var i = 0; i < contactIndexes.Length; i++)
        {
            var slot = next[contactIndexes[i]]++;
            sortedTicks[slot] = utcTicks[i];
            sortedTypes[slot] = types[i];
        }

        return new ContactEventBatch(offsets, sortedTicks, sortedTypes);
    }

    /// <summary>The event times (UTC ticks) of one contact.</summary>
    public ReadOnlySpan<long> TicksOf(int contact) => _utcTicks.AsSpan(Range(contact));

    /// <summary>The event types of one contact, aligned with <see cref="TicksOf"/>.</summary>
    public ReadOnlySpan<EngagementEventType> TypesOf(int contact) => _types.AsSpan(Range(contact));

    private Range Range(int contact)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)contact, (uint)ContactCount, nameof(contact));
        return _offsets[contact].._offsets[contact + 1];
    }
}
