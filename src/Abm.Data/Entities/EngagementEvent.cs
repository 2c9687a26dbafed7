namespace Abm.Data.Entities;

/// <summary>
/// One thing a contact did. Keyed by (workspace, occurred_at, id) so PostgreSQL range partitioning
/// by month can be added later without touching code.
/// </summary>
public sealed class EngagementEvent : IWorkspaceScoped
{
    public Guid WorkspaceId { get; set; }
    public DateTime OccurredAt { get; set; }
    public Guid Id { get; set; }
    public Guid ContactId { get; set; }
    public required string EventType { get; set; }
    public Guid? ContentId { get; set; }
    public int? DurationSeconds { get; set; }
    public string? Metadata { get; set; }
    /// <summary>Where the event came from: api, tracking, hubspot, import, ga4.</summary>
    public required string Source { get; set; }
    /// <summary>The sender's own id for the event; makes re-sent batches idempotent.</summary>
    public string? ClientEventId { get; set; }
    public DateTime CreatedAt { get; set; }
}
