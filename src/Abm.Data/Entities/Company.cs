namespace Abm.Data.Entities;

public sealed class Company : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string HubSpotId { get; set; }
    public string? Name { get; set; }
    public string? Domain { get; set; }
    public string? Industry { get; set; }
    public int? EmployeeCount { get; set; }
    public decimal? AnnualRevenue { get; set; }
    public string? AccountTier { get; set; }
    /// <summary>HubSpot id of the account's owner (hubspot_owner_id).</summary>
    public string? OwnerHubSpotId { get; set; }
    public int EngagementScore { get; set; }
    public double EngagementVelocity { get; set; }
    /// <summary>Every HubSpot property as read, JSON object of string to string.</summary>
    public string Properties { get; set; } = "{}";
    public DateTime? HubSpotUpdatedAt { get; set; }
    /// <summary>When HubSpot created the record (its <c>createdate</c>).</summary>
    public DateTime? HubSpotCreatedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>When a sync last read the record from HubSpot; a full pass archives what it did not read. Other writers (score roll-ups) touch <see cref="UpdatedAt"/>, never this.</summary>
    public DateTime? SyncedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }
}
