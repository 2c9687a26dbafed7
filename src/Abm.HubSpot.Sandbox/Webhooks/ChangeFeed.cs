using System.Threading.Channels;

namespace Abm.HubSpot.Sandbox.Webhooks;

/// <summary>Every CRM change, in order, waiting to be turned into webhook events by the dispatcher.</summary>
internal sealed class ChangeFeed
{
    private readonly Channel<CrmChange> _channel = Channel.CreateUnbounded<CrmChange>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<CrmChange> Reader => _channel.Reader;

    public void Publish(CrmChange change) => _channel.Writer.TryWrite(change);
}
