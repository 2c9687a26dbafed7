namespace Abm.Data.Entities;

/// <summary>Property values waiting to be written back to one HubSpot record, coalesced per record.</summary>
public sealed class HubSpotOutboxItem : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string ObjectType { get; set; }
    public required string HubSpotId { get; set; }
    public string Properties { get; set; } = "{}";
    public string Status { get; set; } = "pending";
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}
