using Abm.Data;
using Abm.Data.Entities;
using Abm.HubSpot.Auth;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Connections;

/// <summary>Thrown when a portal is already connected to another workspace: one portal, one workspace.</summary>
internal sealed class PortalTakenException(string portalId)
    : Exception($"HubSpot portal {portalId} is already connected to another workspace; disconnect it there first.");

/// <summary>
/// Reads and writes a workspace's stored HubSpot connection. Tokens go in and come out in plaintext here and
/// nowhere else: they are encrypted before they reach the database. Every call names its workspace, so
/// workers without a request can use it too.
/// </summary>
internal sealed class ConnectionStore(AbmDbContext database, ConnectionTokenProtector protector, TimeProvider clock)
{
    public const string PrivateApp = "private_app";
    public const string OAuth = "oauth";
    public const string Connected = "connected";
    public const string Disconnected = "disconnected";
    public const string DisconnectedByUser = "Disconnected by a user.";

    public Task<OAuthConnection?> FindAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        database.OAuthConnections.IgnoreQueryFilters().SingleOrDefaultAsync(c => c.WorkspaceId == workspaceId, cancellationToken);

    public Task<List<Guid>> ConnectedWorkspacesAsync(CancellationToken cancellationToken) =>
        database.OAuthConnections.IgnoreQueryFilters().Where(c => c.Status == Connected).Select(c => c.WorkspaceId).ToListAsync(cancellationToken);

    /// <summary>Connections that broke without anybody asking (HubSpot revoked the grant), across all workspaces.</summary>
    public Task<List<OAuthConnection>> BrokenAsync(CancellationToken cancellationToken) =>
        database.OAuthConnections.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Status == Disconnected && c.StatusReason != DisconnectedByUser).ToListAsync(cancellationToken);

    /// <summary>Stores a private app token with the scopes HubSpot says it was granted (null when it could not say).</summary>
    public Task<OAuthConnection> SavePrivateAppAsync(Guid workspaceId, string portalId, string accessToken, IReadOnlyList<string>? scopes, CancellationToken cancellationToken) =>
        SaveAsync(workspaceId, portalId, PrivateApp, accessToken, refreshToken: null, expiresAt: null, scopes is null ? null : string.Join(' ', scopes), cancellationToken);

    public Task<OAuthConnection> SaveOAuthAsync(Guid workspaceId, string portalId, OAuthTokens tokens, IReadOnlyList<string> scopes, CancellationToken cancellationToken) =>
        SaveAsync(workspaceId, portalId, OAuth, tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt.UtcDateTime, string.Join(' ', scopes), cancellationToken);

    /// <summary>Keeps what a refresh returned; HubSpot may rotate the refresh token, so it is always stored.</summary>
    public async Task SaveRefreshedAsync(Guid workspaceId, OAuthTokens tokens, CancellationToken cancellationToken)
    {
        var connection = await FindAsync(workspaceId, cancellationToken) ?? throw new InvalidOperationException("The connection disappeared while its tokens were refreshed.");
        connection.EncryptedAccessToken = protector.Protect(tokens.AccessToken);
        connection.EncryptedRefreshToken = protector.Protect(tokens.RefreshToken);
        connection.AccessTokenExpiresAt = tokens.ExpiresAt.UtcDateTime;
        connection.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        connection.LastRefreshedAt = connection.UpdatedAt;
        await database.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Marks the connection unusable and forgets its tokens; <paramref name="reason"/> tells the user what to do.</summary>
    public async Task<OAuthConnection?> DisconnectAsync(Guid workspaceId, string reason, CancellationToken cancellationToken)
    {
        var connection = await FindAsync(workspaceId, cancellationToken);
        if (connection is null)
        {
            return null;
        }

        connection.Status = Disconnected;
        connection.StatusReason = reason;
        connection.EncryptedAccessToken = "";
        connection.EncryptedRefreshToken = null;
        connection.AccessTokenExpiresAt = null;
        connection.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await database.SaveChangesAsync(cancellationToken);
        return connection;
    }

    /// <summary>Reads the connection again after another scope changed it (a token refresh saves through its own scope).</summary>
    public Task ReloadAsync(OAuthConnection connection, CancellationToken cancellationToken) => database.Entry(connection).ReloadAsync(cancellationToken);

    /// <summary>Saves what the caller added to the unit of work (audit rows) after a change of connection.</summary>
    public Task SaveAuditAsync(CancellationToken cancellationToken) => database.SaveChangesAsync(cancellationToken);

    public string? AccessTokenOf(OAuthConnection connection) =>
        connection.EncryptedAccessToken.Length == 0 ? null : protector.Unprotect(connection.EncryptedAccessToken);

    public string? RefreshTokenOf(OAuthConnection connection) =>
        connection.EncryptedRefreshToken is { Length: > 0 } encrypted ? protector.Unprotect(encrypted) : null;

    private async Task<OAuthConnection> SaveAsync(
        Guid workspaceId, string portalId, string kind, string accessToken, string? refreshToken, DateTime? expiresAt, string? scopes, CancellationToken cancellationToken)
    {
        var workspace = await database.Workspaces.SingleAsync(w => w.Id == workspaceId, cancellationToken);
        if (await database.Workspaces.AnyAsync(w => w.HubSpotPortalId == portalId && w.Id != workspaceId, cancellationToken))
        {
            throw new PortalTakenException(portalId);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var connection = await FindAsync(workspaceId, cancellationToken);
        if (connection is null)
        {
            connection = new OAuthConnection { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, PortalId = portalId, AuthKind = kind, EncryptedAccessToken = "", CreatedAt = now };
            database.OAuthConnections.Add(connection);
        }

        connection.PortalId = portalId;
        connection.AuthKind = kind;
        connection.EncryptedAccessToken = protector.Protect(accessToken);
        connection.EncryptedRefreshToken = refreshToken is null ? null : protector.Protect(refreshToken);
        connection.AccessTokenExpiresAt = expiresAt;
        connection.Scopes = scopes;
        connection.LastRefreshedAt = null;
        connection.Status = Connected;
        connection.StatusReason = null;
        connection.UpdatedAt = now;
        workspace.HubSpotPortalId = portalId;
        workspace.UpdatedAt = now;
        await database.SaveChangesAsync(cancellationToken);
        return connection;
    }
}
