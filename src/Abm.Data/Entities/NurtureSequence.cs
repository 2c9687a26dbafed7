namespace Abm.Data.Entities;

public sealed class NurtureSequence : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Key { get; set; }
    public required string Name { get; set; }
    /// <summary>Steps, waits and branches as JSON; interpreted by the nurture engine.</summary>
    public string Definition { get; set; } = "{}";
    public bool IsActive { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
