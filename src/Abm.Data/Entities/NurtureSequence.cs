namespace Abm.Data.Entities;

/// <summary>A nurture sequence. <see cref="Definition"/> is its current version's document; every version is kept in nurture_sequence_versions.</summary>
public sealed class NurtureSequence : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>Steps, waits and branches as JSON; interpreted by the nurture engine.</summary>
    public string Definition { get; set; } = "{}";
    /// <summary><c>draft</c>, <c>active</c> or <c>paused</c>.</summary>
    public string Status { get; set; } = "draft";
    public int Version { get; set; } = 1;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
