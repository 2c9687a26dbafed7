namespace Abm.Data.Entities;

public sealed class ApiKey : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string Name { get; set; }
    /// <summary>Short public part of the key, used to find the row without scanning hashes.</summary>
    public required string Prefix { get; set; }
    /// <summary>SHA-256 of the whole key; the key itself is never stored.</summary>
    public required byte[] SecretHash { get; set; }
    public required string Role { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
