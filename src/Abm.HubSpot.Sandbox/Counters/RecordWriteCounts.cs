using System.Collections.Concurrent;

namespace Abm.HubSpot.Sandbox.Counters;

/// <summary>One record's count of applied batch-update inputs.</summary>
internal sealed record RecordWriteCount(long PortalId, string ObjectType, long Id, long Count);

/// <summary>
/// How many times batch/update applied an input to each record: a client that sends the same change twice
/// (two instances flushing one queue, say) shows as a count above one.
/// </summary>
internal sealed class RecordWriteCounts
{
    private readonly ConcurrentDictionary<(long PortalId, string ObjectType, long Id), long> _counts = new();

    public void Record(long portalId, string objectType, long id) =>
        _counts.AddOrUpdate((portalId, objectType, id), 1, (_, count) => count + 1);

    public IReadOnlyList<RecordWriteCount> Snapshot() => _counts
        .Select(entry => new RecordWriteCount(entry.Key.PortalId, entry.Key.ObjectType, entry.Key.Id, entry.Value))
        .OrderBy(c => c.PortalId).ThenBy(c => c.ObjectType, StringComparer.Ordinal).ThenBy(c => c.Id)
        .ToList();

    public void Clear() => _counts.Clear();
}
