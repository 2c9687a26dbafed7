using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Persistence;

/// <summary>
/// What one save takes from a portal: its rows changed since the last save of <paramref name="State"/> (all of them
/// when <paramref name="Everything"/>), its identity when that changed, and the documents its small sections had.
/// </summary>
internal sealed record PortalCapture(
    long PortalId,
    PortalState State,
    bool Everything,
    string? Identity,
    string CurrentIdentity,
    IReadOnlyList<SectionRow> Rows,
    IReadOnlyDictionary<string, string> Documents);
