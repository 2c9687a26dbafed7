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
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ArchivedAt { get; set; }
}
