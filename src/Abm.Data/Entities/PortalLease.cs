namespace Abm.Data.Entities;

/// <summary>
/// Which server instance may call a HubSpot portal right now. HubSpot's limits are per portal, so sync and
/// write-back for a portal run on the one instance holding its unexpired lease; the holder renews it.
/// </summary>
public sealed class PortalLease
{
    /// <summary>The workspace whose portal is leased (one portal per workspace).</summary>
    public Guid WorkspaceId { get; set; }
    public required string Holder { get; set; }
    public DateTime ExpiresAt { get; set; }
}
