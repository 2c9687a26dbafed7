using System.Buffers;
using System.Collections.Concurrent;

namespace Abm.Engines.Engagement;

/// <summary>
/// Computes contact engagement scores as of a given instant: one contact at a time (incremental updates when
/// events arrive) or a whole workspace in one parallel pass (nightly recompute).
/// </summary>
public static class EngagementScorer
{
    // Big enough that scheduling cost vanishes against the work, small enough that two cores balance.
    private const int ContactsPerChunk = 2048;

    /// <summary>Scores one contact from its events (any order).</summary>
    public static ContactEngagementScore ScoreContact(
        ReadOnlySpan<EngagementEvent> events,
        DateTimeOffset now,
        EngagementSettings settings)
    {
        var parameters = new ScoringParameters(settings, now);
        var ticks = ArrayPool<long>.Shared.Rent(events.Length);
        var types = ArrayPool<EngagementEventType>.Shared.Rent(events.Length);
        try
        {
            for (var i = 0; i < events.Length; i++)
            {
                ticks[i] = events[i].OccurredAt.UtcTicks;
                types[i] = events[i].Type;
            }

            return ContactScoreKernel.Score(ticks.AsSpan(0, events.Length), types.AsSpan(0, events.Length), parameters);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ticks);
            ArrayPool<EngagementEventType>.Shared.Return(types);
        }
    }

    /// <summary>
    /// Scores every contact of <paramref name="batch"/>; element <c>c</c> of the result belongs to contact <c>c</c>.
    /// Contacts are split into chunks scored in parallel; each chunk writes only its own slice of the result.
    /// </summary>
    public static ContactEngagementScore[] ScoreAll(ContactEventBatch batch, DateTimeOffset now, EngagementSettings settings)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var parameters = new ScoringParameters(settings, now);
        var scores = new ContactEngagementScore[batch.ContactCount];
        Parallel.ForEach(
            Partitioner.Create(0, batch.ContactCount, ContactsPerChunk),
            range =>
            {
                for (var c = range.Item1; c < range.Item2; c++)
                {
                    scores[c] = ContactScoreKernel.Score(batch.TicksOf(c), batch.TypesOf(c), parameters);
                }
            });
        return scores;
    }
}
