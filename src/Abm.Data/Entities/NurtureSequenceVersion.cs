namespace Abm.Data.Entities;

/// <summary>One version of a sequence's document, kept so running enrolments can stay on the version they started.</summary>
public sealed class NurtureSequenceVersion : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid SequenceId { get; set; }
    public int Version { get; set; }
    public string Definition { get; set; } = "{}";
    public DateTime CreatedAt { get; set; }
    /// <summary>Who saved it: the API key's or user's name.</summary>
    public required string CreatedBy { get; set; }
}
