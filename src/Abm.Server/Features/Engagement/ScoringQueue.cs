using System.Threading.Channels;

namespace Abm.Server.Features.Engagement;

internal sealed record ScoringRequest(Guid WorkspaceId, IReadOnlyCollection<Guid> ContactIds);

/// <summary>
/// Contacts whose engagement must be recomputed because new events arrived. In memory on purpose: a lost
/// request after a crash is repaired by the nightly full pass, and intake never waits on scoring.
/// </summary>
internal sealed class ScoringQueue
{
    private readonly Channel<ScoringRequest> _channel = Channel.CreateUnbounded<ScoringRequest>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid workspaceId, IReadOnlyCollection<Guid> contactIds)
    {
        if (contactIds.Count > 0)
        {
            _channel.Writer.TryWrite(new ScoringRequest(workspaceId, contactIds));
        }
    }

    public ChannelReader<ScoringRequest> Reader => _channel.Reader;
}
