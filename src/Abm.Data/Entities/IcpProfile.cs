namespace Abm.Data.Entities;

/// <summary>An ideal-client profile new leads are scored against.</summary>
public sealed class IcpProfile : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }
    public string Definition { get; set; } = "{}";
    /// <summary>profile (the workspace's own criteria) or closed_won (a company the portal won, refreshed by sync).</summary>
    public string Source { get; set; } = "profile";
    /// <summary>The vector as little-endian floats, with the model and dimension that made it.</summary>
    public byte[]? Embedding { get; set; }
    public string? EmbeddingModel { get; set; }
    public int? EmbeddingDimensions { get; set; }
    public bool IsActive { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
