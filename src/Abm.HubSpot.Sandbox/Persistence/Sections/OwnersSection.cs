using Abm.HubSpot.Sandbox.Owners;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Persistence.Sections;

/// <summary>The portal's owners, one document.</summary>
internal sealed class OwnersSection : IPortalSection
{
    public string Name => "owners";

    public void Save(PortalState state, SectionRows rows) => rows.Document(StoredJson.Write(state.Owners));

    public void Load(PortalState state, IEnumerable<StoredRow> rows)
    {
        foreach (var row in rows)
        {
            state.Owners.AddRange(StoredJson.Read<List<Owner>>(row.Data));
        }
    }
}
