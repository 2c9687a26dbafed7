namespace Abm.Data.Entities;

/// <summary>Where sync of one object type stands, so a killed run resumes at its last page.</summary>
public sealed class SyncState : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string ObjectType { get; set; }
    public string? FullSyncCursor { get; set; }
    public bool FullSyncCompleted { get; set; }
    /// <summary>When the current full pass began (kept across resumes); incremental sync starts from it once the pass ends.</summary>
    public DateTime? FullSyncStartedAt { get; set; }
    /// <summary>
    /// HubSpot's newest modification time of the type when the current pass began, less the search visibility
    /// margin: incremental sync starts from it once the pass ends, on HubSpot's clock rather than ours.
    /// </summary>
    public DateTime? FullSyncWatermark { get; set; }
    /// <summary>Incremental sync reads changes modified at or after this moment of HubSpot's clock.</summary>
    public DateTime? IncrementalWatermark { get; set; }
    public DateTime? LastRunAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
