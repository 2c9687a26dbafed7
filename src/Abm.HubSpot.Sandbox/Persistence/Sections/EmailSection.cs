using Abm.HubSpot.Sandbox.Email;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Persistence.Sections;

/// <summary>Accepted transactional sends and marketing email events, in the order they happened.</summary>
internal sealed class EmailSection : IPortalSection
{
    public string Name => "email";

    public string Save(PortalState state) => StoredJson.Write(new StoredEmail(state.TransactionalSends, state.EmailEvents));

    public void Load(PortalState state, string data)
    {
        var stored = StoredJson.Read<StoredEmail>(data);
        state.TransactionalSends.AddRange(stored.TransactionalSends);
        state.EmailEvents.AddRange(stored.EmailEvents);
    }

    private sealed record StoredEmail(List<TransactionalSend> TransactionalSends, List<EmailEvent> EmailEvents);
}
