using System.Collections.Concurrent;

namespace Abm.HubSpot.Sandbox.Counters;

/// <summary>One counter: requests to a route (method + pattern) of a portal that ended with a status (0: no answer).</summary>
internal sealed record RequestCount(long? PortalId, string Route, int Status, long Count);

/// <summary>
/// Counts every HubSpot API request by portal, route and final status, 429s and injected faults included, and
/// the distinct TCP connections they came on (a client that pools its connections well uses few).
/// </summary>
internal sealed class RequestCounters
{
    private readonly ConcurrentDictionary<(long? PortalId, string Route, int Status), long> _counts = new();
    private readonly ConcurrentDictionary<string, byte> _connections = new(StringComparer.Ordinal);

    public void Record(long? portalId, string route, int status, string connectionId)
    {
        _counts.AddOrUpdate((portalId, route, status), 1, (_, count) => count + 1);
        _connections.TryAdd(connectionId, 0);
    }

    public int Connections => _connections.Count;

    public IReadOnlyList<RequestCount> Snapshot() => _counts
        .Select(entry => new RequestCount(entry.Key.PortalId, entry.Key.Route, entry.Key.Status, entry.Value))
        .OrderBy(c => c.Route, StringComparer.Ordinal)
        .ThenBy(c => c.Status)
        .ToList();

    public void Clear()
    {
        _counts.Clear();
        _connections.Clear();
    }
}
