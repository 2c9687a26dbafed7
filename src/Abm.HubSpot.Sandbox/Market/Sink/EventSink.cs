using Abm.HubSpot.Sandbox.Market.Behaviour;

namespace Abm.HubSpot.Sandbox.Market.Sink;

/// <summary>
/// One portal's sink: its settings, the events waiting to go out (API events and tracked ones apart, as they
/// go to different endpoints) and delivery counts. The simulation only appends; the dispatcher takes from the
/// front and removes what was delivered, so a slow or absent receiver never holds the simulation up.
/// </summary>
internal sealed class EventSink(long portalId, EventSinkSettings settings)
{
    /// <summary>Beyond this many waiting events the oldest are dropped (and counted): memory stays bounded.</summary>
    public const int MaxWaiting = 1_000_000;

    private readonly Lock _gate = new();
    private readonly List<SiteEvent> _api = [];
    private readonly List<SiteEvent> _tracked = [];
    private readonly Queue<string> _rejections = new();

    public long PortalId { get; } = portalId;

    public EventSinkSettings Settings { get; } = settings;

    public AbmContentIds ContentIds { get; } = new();

    public long Accepted;
    public long Duplicates;
    public long Rejected;
    public long Dropped;
    public long FailedAttempts;

    public string? LastError { get; set; }

    public IReadOnlyList<string> RecentRejections => _rejections.ToArray();

    /// <summary>Real-time timestamp before which no delivery is tried (back-off after a failure).</summary>
    public long NotBefore { get; set; }

    public int ConsecutiveFailures { get; set; }

    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _api.Count + _tracked.Count;
            }
        }
    }

    public void Enqueue(SiteEvent siteEvent)
    {
        lock (_gate)
        {
            var queue = siteEvent.TrackingToken is null ? _api : _tracked;
            queue.Add(siteEvent);
            if (queue.Count > MaxWaiting)
            {
                queue.RemoveAt(0);
                Interlocked.Increment(ref Dropped);
            }
        }
    }

    public IReadOnlyList<SiteEvent> PeekApi(int count) => Peek(_api, count);

    public IReadOnlyList<SiteEvent> PeekTracked(int count) => Peek(_tracked, count);

    public void RemoveApi(int count) => Remove(_api, count);

    public void RemoveTracked(int count) => Remove(_tracked, count);

    public void NoteRejection(string reason)
    {
        lock (_gate)
        {
            _rejections.Enqueue(reason);
            if (_rejections.Count > 20)
            {
                _rejections.Dequeue();
            }
        }
    }

    private List<SiteEvent> Peek(List<SiteEvent> queue, int count)
    {
        lock (_gate)
        {
            return queue.Take(count).ToList();
        }
    }

    private void Remove(List<SiteEvent> queue, int count)
    {
        lock (_gate)
        {
            queue.RemoveRange(0, Math.Min(count, queue.Count));
        }
    }
}
