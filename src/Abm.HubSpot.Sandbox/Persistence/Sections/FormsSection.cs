using Abm.HubSpot.Sandbox.Forms;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Persistence.Sections;

/// <summary>The portal's forms, one document: a handful per portal, rarely changed.</summary>
internal sealed class FormsSection : IPortalSection
{
    public string Name => "forms";

    public void Save(PortalState state, SectionRows rows) => rows.Document(StoredJson.Write(state.Forms));

    public void Load(PortalState state, IEnumerable<StoredRow> rows)
    {
        foreach (var row in rows)
        {
            state.Forms.AddRange(StoredJson.Read<List<MarketingForm>>(row.Data));
        }
    }
}

/// <summary>Submissions of every form, in the order they were recorded.</summary>
internal sealed class FormSubmissionsSection : LogSection<FormSubmission>
{
    public override string Name => "formSubmissions";

    protected override AppendOnlyLog<FormSubmission> Log(PortalState state) => state.FormSubmissions;
}
