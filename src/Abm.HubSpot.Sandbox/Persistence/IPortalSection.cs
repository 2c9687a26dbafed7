using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Persistence;

/// <summary>
/// One part of a portal's state as the data file keeps it: rows keyed within the section. Every collection of
/// <see cref="PortalState"/> that must survive a restart has a section; a new collection adds one and registers it
/// with <c>services.AddSingleton&lt;IPortalSection, TheSection&gt;()</c>. Called under the portal's lock.
/// </summary>
internal interface IPortalSection
{
    /// <summary>Unique name of the section in the file; renaming it orphans what older files hold.</summary>
    string Name { get; }

    /// <summary>
    /// Puts the rows changed since the previous save of this state (all of them when <see cref="SectionRows.Everything"/>),
    /// and from then on counts them as saved.
    /// </summary>
    void Save(PortalState state, SectionRows rows);

    /// <summary>
    /// Puts the saved rows (in key order) back into a state that holds only what a new state starts with; what it
    /// loads counts as saved.
    /// </summary>
    void Load(PortalState state, IEnumerable<StoredRow> rows);
}
