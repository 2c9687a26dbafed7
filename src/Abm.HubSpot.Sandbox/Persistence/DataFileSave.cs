namespace Abm.HubSpot.Sandbox.Persistence;

/// <summary>What one save of the data file did.</summary>
/// <param name="Elapsed">From taking the changes to the commit.</param>
/// <param name="Capturing">The part spent taking the changes under the portals' locks, while their requests wait.</param>
/// <param name="PortalRowsWritten">Portal rows written or deleted: records, association rows, email chunks, changed documents and identities.</param>
/// <param name="PortalsWrittenWhole">Portals written with every row (first save of a portal, after a reseed or a failed save).</param>
public sealed record DataFileSave(TimeSpan Elapsed, TimeSpan Capturing, int PortalRowsWritten, int PortalsWrittenWhole);
