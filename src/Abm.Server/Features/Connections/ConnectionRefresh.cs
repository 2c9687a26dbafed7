using System.Security.Claims;
using Abm.HubSpot;
using Abm.HubSpot.Auth;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;

namespace Abm.Server.Features.Connections;

/// <summary>
/// Refreshes a workspace's OAuth access token on request (after changing the app's scopes, or to check that the grant
/// still holds), through the path the client uses ahead of expiry. Private app tokens do not expire, so there is nothing
/// to refresh; a revoked grant disconnects the workspace as it would at any refresh.
/// </summary>
internal sealed class ConnectionRefresh(HubSpotClients clients, ConnectionStore store, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Seconds a caller is told to wait when HubSpot could not be reached.</summary>
    public const int RetryAfterSeconds = 30;

    public async Task<ConnectionOutcome> RefreshAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var workspaceId = user.WorkspaceId();
        if (clients.UsesEnvironmentConnection(workspaceId))
        {
            return Refused(StatusCodes.Status409Conflict, "Connection set by the environment", "HUBSPOT_API_KEY is a private app token; it does not expire and has nothing to refresh.");
        }

        var connection = await store.FindAsync(workspaceId, cancellationToken);
        if (connection is null)
        {
            return Refused(StatusCodes.Status404NotFound, "No HubSpot connection", "This workspace has no HubSpot connection to refresh.");
        }

        if (connection.Status != ConnectionStore.Connected || store.RefreshTokenOf(connection) is not { } refreshToken)
        {
            return connection.AuthKind == ConnectionStore.PrivateApp && connection.Status == ConnectionStore.Connected
                ? Refused(StatusCodes.Status409Conflict, "Nothing to refresh", "Private app tokens do not expire; only OAuth connections have a token to refresh.")
                : Refused(StatusCodes.Status409Conflict, "The connection is disconnected", $"{connection.StatusReason ?? "The connection is disconnected."} Reconnect the portal.");
        }

        if (clients.OAuthClient() is null)
        {
            return Refused(StatusCodes.Status409Conflict, "OAuth is not configured", "Set HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET to refresh OAuth tokens.");
        }

        var stored = new OAuthTokens(store.AccessTokenOf(connection) ?? "", refreshToken, clock.GetUtcNow());
        try
        {
            await clients.RefreshNowAsync(workspaceId, stored, cancellationToken);
        }
        catch (HubSpotAuthorizationRevokedException)
        {
            return Refused(StatusCodes.Status409Conflict, "HubSpot revoked the grant",
                "HubSpot refused the refresh token (invalid_grant): the app was uninstalled or access revoked. The connection is now disconnected; reconnect the portal.");
        }
        catch (HubSpotAuthenticationException refused)
        {
            return Refused(StatusCodes.Status409Conflict, "HubSpot refused the refresh", $"The token was not refreshed: {refused.Message}");
        }
        catch (HubSpotApiException error)
        {
            return Refused(StatusCodes.Status503ServiceUnavailable, "HubSpot could not be reached", $"The token was not refreshed: {error.Message}");
        }

        await store.ReloadAsync(connection, cancellationToken);
        audit.Record(workspaceId, user, "hubspot.token_refreshed", "connection", connection.Id.ToString(), new { connection.PortalId });
        await store.SaveAuditAsync(cancellationToken);
        return new ConnectionOutcome(await ConnectionHandlers.DescribeAsync(workspaceId, clients, store, cancellationToken), null);
    }

    private static ConnectionOutcome Refused(int status, string title, string detail) => new(null, new ConnectionRefusal(status, title, detail));
}
