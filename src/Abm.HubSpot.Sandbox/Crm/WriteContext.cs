using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>A portal's data and the simulated "now", valid only while the portal's lock is held.</summary>
internal sealed record WriteContext(Portal Portal, PortalState State, DateTimeOffset Now)
{
    public ObjectStore Store(CrmObjectType type) => State.Stores[type];
}
