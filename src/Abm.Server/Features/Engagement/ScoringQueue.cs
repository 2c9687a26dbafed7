using System.Threading.Channels;

namespace Abm.Server.Features.Engagement;

internal sealed record ScoringRequest(Guid WorkspaceId, IReadOnlyCollection<Guid> ContactIds, IReadOnlyCollection<Guid> ContentIds);

/// <summary>
/// Contacts whose engagement, and content whose performance, must be recomputed because new events arrived. In memory on purpose: a lost
/// request after a crash is repaired by the nightly full pass, and intake never waits on scoring.
/// </summary>
internal sealed class ScoringQueue
{
    private readonly Channel<ScoringRequest> _channel = Channel.CreateUnbounded<ScoringRequest>(new UnboundedChannelOptions { SingleReader = true });
    private int _unfinished;

    public void Enqueue(Guid workspaceId, IReadOnlyCollection<Guid> contactIds, IReadOnlyCollection<Guid> contentIds)
    {
        if (contactIds.Count > 0)
        {
            Interlocked.Increment(ref _unfinished);
            _channel.Writer.TryWrite(new ScoringRequest(workspaceId, contactIds, contentIds));
        }
    }

    /// <summary>The worker has applied (or given up on) this many requests it read.</summary>
    public void Finished(int requests) => Interlocked.Add(ref _unfinished, -requests);

    /// <summary>True when every request queued so far has been recomputed: nothing waits and nothing is being worked on.</summary>
    public bool IsIdle => Volatile.Read(ref _unfinished) == 0;

    public ChannelReader<ScoringRequest> Reader => _channel.Reader;
}
