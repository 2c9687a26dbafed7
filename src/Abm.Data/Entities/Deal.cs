namespace Abm.Data.Entities;

public sealed class Deal : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string HubSpotId { get; set; }
    public string? Name { get; set; }
    public string? Stage { get; set; }
    public string? Pipeline { get; set; }
    public decimal? Amount { get; set; }
    public DateTime? CloseDate { get; set; }
    public Guid? CompanyId { get; set; }
    public string? OwnerHubSpotId { get; set; }
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
