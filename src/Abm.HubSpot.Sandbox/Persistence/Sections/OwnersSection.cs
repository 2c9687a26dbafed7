using Abm.HubSpot.Sandbox.Owners;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Persistence.Sections;

internal sealed class OwnersSection : IPortalSection
{
    public string Name => "owners";

    public string Save(PortalState state) => StoredJson.Write(state.Owners);

    public void Load(PortalState state, string data) => state.Owners.AddRange(StoredJson.Read<List<Owner>>(data));
}
