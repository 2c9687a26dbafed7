using System.Collections.Concurrent;
using Abm.HubSpot.Sandbox.Market.Behaviour;

namespace Abm.HubSpot.Sandbox.Market.Sink;

/// <summary>The event sinks set through the admin API, by portal. Without one, site events stay in the sandbox.</summary>
internal sealed class EventSinkRegistry
{
    private readonly ConcurrentDictionary<long, EventSink> _sinks = new();

    public IEnumerable<EventSink> All => _sinks.Values;

    public EventSink? Find(long portalId) => _sinks.GetValueOrDefault(portalId);

    /// <summary>Sets (or replaces, dropping what the previous one had not delivered) a portal's sink.</summary>
    public EventSink Set(long portalId, EventSinkSettings settings) => _sinks[portalId] = new EventSink(portalId, settings);

    public bool Remove(long portalId) => _sinks.TryRemove(portalId, out _);

    public void Enqueue(long portalId, SiteEvent siteEvent) => Find(portalId)?.Enqueue(siteEvent);
}
