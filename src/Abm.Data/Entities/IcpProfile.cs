namespace Abm.Data.Entities;

/// <summary>An ideal-client profile new leads are scored against.</summary>
public sealed class IcpProfile : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }
    public string Definition { get; set; } = "{}";
    public byte[]? Embedding { get; set; }
    public bool IsActive { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
