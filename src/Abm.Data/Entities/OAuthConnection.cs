namespace Abm.Data.Entities;

/// <summary>How a workspace reaches its HubSpot portal. Tokens are stored encrypted, never in plaintext.</summary>
public sealed class OAuthConnection : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public required string PortalId { get; set; }
    /// <summary>private_app or oauth.</summary>
    public required string AuthKind { get; set; }
    public required string EncryptedAccessToken { get; set; }
    public string? EncryptedRefreshToken { get; set; }
    public DateTime? AccessTokenExpiresAt { get; set; }
    public string? Scopes { get; set; }
    /// <summary>connected or disconnected (HubSpot refused the refresh token, or a user disconnected).</summary>
    public string Status { get; set; } = "connected";
    /// <summary>Why the connection is disconnected, in words a user can act on.</summary>
    public string? StatusReason { get; set; }
    /// <summary>When an OAuth access token was last refreshed (by the client ahead of expiry or by a user asking).</summary>
    public DateTime? LastRefreshedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
