namespace Abm.Data.Entities;

/// <summary>One sync of a workspace with its HubSpot portal: what it read, what went wrong and how long it took.</summary>
public sealed class SyncRun : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    /// <summary>full or incremental.</summary>
    public required string Kind { get; set; }
    /// <summary>queued, running, succeeded, failed, cancelled or abandoned.</summary>
    public string Status { get; set; } = "running";
    /// <summary>Who asked: api, cli, schedule.</summary>
    public required string Trigger { get; set; }
    public int? MaxContacts { get; set; }
    public int Pages { get; set; }
    public int Records { get; set; }
    public int Errors { get; set; }
    /// <summary>HubSpot calls made and how many of them HubSpot answered with 429.</summary>
    public int ApiCalls { get; set; }
    public int RateLimited { get; set; }
    public string? Error { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>The process running the run, named as in <c>portal_leases</c>; tells whether a running row is still alive.</summary>
    public string? Holder { get; set; }
    /// <summary>When a run left running by a process that is gone was given up, and why.</summary>
    public DateTime? AbandonedAt { get; set; }
    public string? AbandonedReason { get; set; }
}
