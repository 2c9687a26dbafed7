using System.Security.Claims;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Connections;

internal static class ConnectionHandlers
{
    public static async Task<Ok<ConnectionResponse>> GetAsync(ClaimsPrincipal user, HubSpotClients clients, ConnectionStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await DescribeAsync(user.WorkspaceId(), clients, store, cancellationToken));

    public static async Task<Results<Ok<ConnectionResponse>, ProblemHttpResult>> ConnectPrivateAppAsync(
        ConnectPrivateAppRequest request, ClaimsPrincipal user, ConnectionActions actions, CancellationToken cancellationToken)
    {
        var outcome = await actions.ConnectPrivateAppAsync(request, user, cancellationToken);
        return outcome.Refusal is { } refused
            ? TypedResults.Problem(statusCode: refused.Status, title: refused.Title, detail: refused.Detail)
            : TypedResults.Ok(outcome.Connection!);
    }

    public static async Task<Results<Ok<ConnectionResponse>, ProblemHttpResult>> RefreshAsync(
        ClaimsPrincipal user, ConnectionRefresh refresh, HttpResponse response, CancellationToken cancellationToken)
    {
        var outcome = await refresh.RefreshAsync(user, cancellationToken);
        if (outcome.Refusal is not { } refused)
        {
            return TypedResults.Ok(outcome.Connection!);
        }

        if (refused.Status == StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers.RetryAfter = ConnectionRefresh.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return TypedResults.Problem(statusCode: refused.Status, title: refused.Title, detail: refused.Detail);
    }

    public static Results<Ok<OAuthStartResponse>, ProblemHttpResult> StartOAuth(ClaimsPrincipal user, ConnectionActions actions) =>
        actions.StartOAuth(user) is { } start
            ? TypedResults.Ok(start)
            : ApiProblems.Conflict("OAuth is not configured", "Set HUBSPOT_CLIENT_ID, HUBSPOT_CLIENT_SECRET and PUBLIC_BASE_URL to install the app through OAuth.");

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
            return new ConnectionResponse(workspaceId, "environment", ConnectionStore.Connected, ConnectionStore.PrivateApp, clients.Settings.PortalId, null, [], null, null, null);
        }

        var connection = await store.FindAsync(workspaceId, cancellationToken);
        return connection is null
            ? new ConnectionResponse(workspaceId, "none", "not_connected", null, null, null, [], null, null, null)
            : new ConnectionResponse(workspaceId, "stored", connection.Status, connection.AuthKind, connection.PortalId, connection.StatusReason,
                connection.Scopes?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [], connection.AccessTokenExpiresAt, connection.UpdatedAt, connection.LastRefreshedAt);
    }
}
