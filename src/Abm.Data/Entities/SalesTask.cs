namespace Abm.Data.Entities;

public sealed class SalesTask : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid? ContactId { get; set; }
    public string? HubSpotTaskId { get; set; }
    public required string Subject { get; set; }
    public string? Body { get; set; }
    public string Priority { get; set; } = "MEDIUM";
    public string TaskType { get; set; } = "TODO";
    public string Status { get; set; } = "NOT_STARTED";
    public string? OwnerHubSpotId { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SyncedAt { get; set; }
}
