using System.Security.Claims;
using Abm.HubSpot;
using Abm.HubSpot.Auth;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Provisioning;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace Abm.Server.Features.Connections;

internal static class ConnectionHandlers
{
    public static async Task<Ok<ConnectionResponse>> GetAsync(ClaimsPrincipal user, HubSpotClients clients, ConnectionStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await DescribeAsync(user.WorkspaceId(), clients, store, cancellationToken));

    public static async Task<Results<Ok<ConnectionResponse>, ProblemHttpResult>> ConnectPrivateAppAsync(
        ConnectPrivateAppRequest request, ClaimsPrincipal user, HubSpotClients clients, ConnectionStore store, AuditTrail audit, PortalProvisioning provisioning,
        CancellationToken cancellationToken)
    {
        var workspaceId = user.WorkspaceId();
        if (clients.UsesEnvironmentConnection(workspaceId))
        {
            return ApiProblems.Conflict("Connection set by the environment", "The default workspace uses HUBSPOT_API_KEY; change it there.");
        }

        // A token HubSpot refuses is never stored: one cheap read proves it works before anything changes.
        using (var probe = clients.Create(HubSpotAuthentication.PrivateApp(request.AccessToken.Trim())))
        {
            try
            {
                await probe.Owners.ListPageAsync(pageSize: 1, cancellationToken: cancellationToken);
            }
            catch (HubSpotAuthenticationException)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "HubSpot refused the token",
                    detail: "HubSpot answered 401 for this private app token; copy it again from the private app's settings.");
            }
            catch (HubSpotApiException error) when (error.Category == "MISSING_SCOPES")
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The private app lacks scopes",
                    detail: $"HubSpot refused a read with this token for missing scopes; grant {HubSpotAppSettings.DefaultScopes}.");
            }
            catch (HubSpotApiException error)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: "HubSpot could not check the token",
                    detail: $"The token was not stored because HubSpot did not answer the check: {error.Message}");
            }
        }

        try
        {
            var connection = await store.SavePrivateAppAsync(workspaceId, request.PortalId, request.AccessToken.Trim(), cancellationToken);
            clients.Forget(workspaceId);
            audit.Record(workspaceId, user, "hubspot.connected", "connection", connection.Id.ToString(), new { connection.PortalId, connection.AuthKind });
            await store.SaveAuditAsync(cancellationToken);
            await provisioning.EnsureConnectedAsync(clients, workspaceId, cancellationToken);
            return TypedResults.Ok(await DescribeAsync(workspaceId, clients, store, cancellationToken));
        }
        catch (PortalTakenException taken)
        {
            return ApiProblems.Conflict("Portal already connected", taken.Message);
        }
    }

    public static Results<Ok<OAuthStartResponse>, ProblemHttpResult> StartOAuth(ClaimsPrincipal user, HubSpotClients clients, OAuthState states)
    {
        var app = clients.App;
        if (!app.CanInstall)
        {
            return ApiProblems.Conflict("OAuth is not configured", "Set HUBSPOT_CLIENT_ID, HUBSPOT_CLIENT_SECRET and PUBLIC_BASE_URL to install the app through OAuth.");
        }

        var (state, expiresAt) = states.Issue(user.WorkspaceId());
        var url = QueryHelpers.AddQueryString(app.AuthorizeUrl.ToString(), new Dictionary<string, string?>
        {
            ["client_id"] = app.ClientId,
            ["redirect_uri"] = app.RedirectUri.ToString(),
            ["scope"] = app.Scopes,
            ["state"] = state,
        });
        return TypedResults.Ok(new OAuthStartResponse(new Uri(url), expiresAt));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DisconnectAsync(
        ClaimsPrincipal user, HubSpotClients clients, ConnectionStore store, AuditTrail audit, CancellationToken cancellationToken)
    {
        var workspaceId = user.WorkspaceId();
        if (clients.UsesEnvironmentConnection(workspaceId))
        {
            return ApiProblems.Conflict("Connection set by the environment", "The default workspace uses HUBSPOT_API_KEY; unset it to disconnect.");
        }

        var connection = await store.FindAsync(workspaceId, cancellationToken);
        if (connection is null)
        {
            return ApiProblems.NotFound("No HubSpot connection", "This workspace has no HubSpot connection to disconnect.");
        }

        if (store.RefreshTokenOf(connection) is { } refreshToken && clients.OAuthClient() is { } oauth)
        {
            await oauth.RevokeRefreshTokenAsync(refreshToken, cancellationToken);
        }

        await store.DisconnectAsync(workspaceId, ConnectionStore.DisconnectedByUser, cancellationToken);
        clients.Forget(workspaceId);
        audit.Record(workspaceId, user, "hubspot.disconnected", "connection", connection.Id.ToString(), new { connection.PortalId });
        await store.SaveAuditAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<ConnectionResponse> DescribeAsync(Guid workspaceId, HubSpotClients clients, ConnectionStore store, CancellationToken cancellationToken)
    {
        if (clients.UsesEnvironmentConnection(workspaceId))
        {
            return new ConnectionResponse(workspaceId, "environment", ConnectionStore.Connected, ConnectionStore.PrivateApp, clients.Settings.PortalId, null, [], null, null);
        }

        var connection = await store.FindAsync(workspaceId, cancellationToken);
        return connection is null
            ? new ConnectionResponse(workspaceId, "none", "not_connected", null, null, null, [], null, null)
            : new ConnectionResponse(workspaceId, "stored", connection.Status, connection.AuthKind, connection.PortalId, connection.StatusReason,
                connection.Scopes?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [], connection.AccessTokenExpiresAt, connection.UpdatedAt);
    }
}
