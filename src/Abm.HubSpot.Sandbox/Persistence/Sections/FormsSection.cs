using Abm.HubSpot.Sandbox.Forms;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Persistence.Sections;

/// <summary>The portal's forms and their submissions, in the order they were recorded.</summary>
internal sealed class FormsSection : IPortalSection
{
    public string Name => "forms";

    public string Save(PortalState state) => StoredJson.Write(new StoredForms(state.Forms, state.FormSubmissions));

    public void Load(PortalState state, string data)
    {
        var stored = StoredJson.Read<StoredForms>(data);
        state.Forms.AddRange(stored.Forms);
        state.FormSubmissions.AddRange(stored.FormSubmissions);
    }

    private sealed record StoredForms(List<MarketingForm> Forms, List<FormSubmission> FormSubmissions);
}
