namespace Abm.Data.Entities;

public sealed class AuditLogEntry : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public DateTime OccurredAt { get; set; }
    /// <summary>Who acted: an API key id, "operator" or a worker name. Never a secret.</summary>
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Details { get; set; }
    /// <summary>Where the action came from: the request's client address, "cli", or the worker's name.</summary>
    public string? Source { get; set; }
}
