using Abm.HubSpot.Sandbox.Email;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Persistence.Sections;

/// <summary>Marketing email events, in the order they happened.</summary>
internal sealed class EmailEventsSection : LogSection<EmailEvent>
{
    public override string Name => "emailEvents";

    protected override AppendOnlyLog<EmailEvent> Log(PortalState state) => state.EmailEvents;
}

/// <summary>Accepted transactional sends, in the order they were accepted.</summary>
internal sealed class TransactionalSendsSection : LogSection<TransactionalSend>
{
    public override string Name => "transactionalSends";

    protected override AppendOnlyLog<TransactionalSend> Log(PortalState state) => state.TransactionalSends;
}

/// <summary>Accepted marketing single sends, in the order they were accepted.</summary>
internal sealed class MarketingSendsSection : LogSection<TransactionalSend>
{
    public override string Name => "marketingSends";

    protected override AppendOnlyLog<TransactionalSend> Log(PortalState state) => state.MarketingSends;
}
