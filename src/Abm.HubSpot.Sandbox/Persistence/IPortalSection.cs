using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Persistence;

/// <summary>
/// One part of a portal's state as the data file keeps it. Every collection of <see cref="PortalState"/> that must
/// survive a restart has a section; a new collection adds one and registers it with
/// <c>services.AddSingleton&lt;IPortalSection, TheSection&gt;()</c>. Called under the portal's lock.
/// </summary>
internal interface IPortalSection
{
    /// <summary>Unique name of the section in the file; renaming it orphans what older files hold.</summary>
    string Name { get; }

    string Save(PortalState state);

    /// <summary>Puts the saved data back into a state that holds only what a new state starts with.</summary>
    void Load(PortalState state, string data);
}
