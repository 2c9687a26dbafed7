using System.Threading.Channels;

namespace Abm.Server.Features.Engagement;

internal sealed record ScoringRequest(Guid WorkspaceId, IReadOnlyCollection<Guid> ContactIds, IReadOnlyCollection<Guid> ContentIds);

/// <summary>What waits for one workspace, after coalescing every request read.</summary>
internal sealed record ScoringWork(HashSet<Guid> ContactIds, HashSet<Guid> ContentIds);

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

    /// <summary>
    /// Everything waiting, coalesced per workspace, so a burst of event batches becomes one recompute per
    /// workspace; the caller reports <see cref="Finished"/> with the request count once it has handled them.
    /// </summary>
    public (Dictionary<Guid, ScoringWork> Work, int Requests) TakeAll()
    {
        var work = new Dictionary<Guid, ScoringWork>();
        var requests = 0;
        while (_channel.Reader.TryRead(out var request))
        {
            requests++;
            if (!work.TryGetValue(request.WorkspaceId, out var ids))
            {
                work[request.WorkspaceId] = ids = new ScoringWork([], []);
            }

            ids.ContactIds.UnionWith(request.ContactIds);
            ids.ContentIds.UnionWith(request.ContentIds);
        }

        return (work, requests);
    }

    /// <summary>The worker has applied (or given up on) this many requests it read.</summary>
    public void Finished(int requests) => Interlocked.Add(ref _unfinished, -requests);

    /// <summary>True when every request queued so far has been recomputed: nothing waits and nothing is being worked on.</summary>
    public bool IsIdle => Volatile.Read(ref _unfinished) == 0;

    public ChannelReader<ScoringRequest> Reader => _channel.Reader;
}
