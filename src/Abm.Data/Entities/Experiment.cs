namespace Abm.Data.Entities;

public sealed class Experiment : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public string Variants { get; set; } = "[]";
    public string Status { get; set; } = "draft";
    public DateTime? StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public DateTime CreatedAt { get; set; }
}
