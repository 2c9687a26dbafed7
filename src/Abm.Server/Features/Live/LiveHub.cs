using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Abm.Server.Features.Live;

/// <summary>
/// The in-process notification hub: features raise notices, open pages subscribe to their workspace's. A notice
/// reaches this instance's subscribers at once; when a relay runs (PostgreSQL), it is also queued for the other
/// instances, and notices they raised are delivered here through <see cref="DeliverRemote"/>. Raising never waits
/// and never fails the work that raised it: the outgoing queue is bounded and drops the oldest when full, since a
/// notice only says "read again" and a later one says the same.
/// </summary>
internal sealed partial class LiveHub(ILogger<LiveHub> logger)
{
    private readonly ConcurrentDictionary<Guid, Subscription> _subscriptions = new();
    private readonly Channel<LiveNotice> _outgoing = Channel.CreateBounded<LiveNotice>(new BoundedChannelOptions(1000)
    {
        FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
    });

    /// <summary>This server instance, so a relay can tell its own notices from the others'.</summary>
    public Guid InstanceId { get; } = Guid.NewGuid();

    /// <summary>Set by a relay when it runs; without one, notices stay on this instance.</summary>
    public bool Relayed { get; set; }

    /// <summary>What a relay sends to the other instances.</summary>
    public ChannelReader<LiveNotice> Outgoing => _outgoing.Reader;

    public void Publish(Guid workspaceId, string kind)
    {
        var notice = new LiveNotice(workspaceId, kind, InstanceId);
        Deliver(notice);
        if (Relayed)
        {
            _outgoing.Writer.TryWrite(notice);
        }
    }

    /// <summary>A notice another instance raised, as the relay received it.</summary>
    public void DeliverRemote(LiveNotice notice)
    {
        if (notice.Origin != InstanceId)
        {
            Deliver(notice);
        }
    }

    /// <summary>Calls <paramref name="onNotice"/> for each notice of the workspace of one of <paramref name="kinds"/>, until disposed.</summary>
    public IDisposable Subscribe(Guid workspaceId, IReadOnlyCollection<string> kinds, Action<LiveNotice> onNotice)
    {
        var subscription = new Subscription(this, workspaceId, kinds.ToHashSet(StringComparer.Ordinal), onNotice);
        _subscriptions[subscription.Id] = subscription;
        return subscription;
    }

    private void Deliver(LiveNotice notice)
    {
        foreach (var subscription in _subscriptions.Values)
        {
            if (subscription.WorkspaceId != notice.WorkspaceId || !subscription.Kinds.Contains(notice.Kind))
            {
                continue;
            }

            try
            {
                subscription.OnNotice(notice);
            }
            catch (Exception error)
            {
                LogSubscriberFailed(notice.Kind, error);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber to {Kind} notices failed; the others were told")]
    private partial void LogSubscriberFailed(string kind, Exception error);

    private sealed class Subscription(LiveHub hub, Guid workspaceId, HashSet<string> kinds, Action<LiveNotice> onNotice) : IDisposable
    {
        public Guid Id { get; } = Guid.NewGuid();
        public Guid WorkspaceId => workspaceId;
        public HashSet<string> Kinds => kinds;
        public Action<LiveNotice> OnNotice => onNotice;

        public void Dispose() => hub._subscriptions.TryRemove(Id, out _);
    }
}
