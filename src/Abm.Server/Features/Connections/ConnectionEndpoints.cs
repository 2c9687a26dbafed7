using Abm.Server.Features.Access;

namespace Abm.Server.Features.Connections;

internal static class ConnectionEndpoints
{
    public static RouteGroupBuilder MapConnectionEndpoints(this RouteGroupBuilder group)
    {
        group.WithTags("HubSpot connection");
        group.MapGet("/", ConnectionHandlers.GetAsync).WithName("GetConnection")
            .WithSummary("The workspace's HubSpot connection: portal, kind, status and why it is disconnected (never a token).");
        group.MapPost("/", ConnectionHandlers.ConnectPrivateAppAsync).WithName("ConnectPrivateApp").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Connect (or reconnect) with a private app token; the token is checked against HubSpot and stored encrypted.");
        group.MapGet("/oauth/start", ConnectionHandlers.StartOAuth).WithName("StartOAuth").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("The HubSpot consent URL for installing the app into a portal, with a signed state valid for 10 minutes.");
        group.MapPost("/refresh", ConnectionHandlers.RefreshAsync).WithName("RefreshConnection").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Refresh the OAuth access token now (503 with Retry-After when HubSpot cannot be reached); private app tokens do not expire.");
        group.MapDelete("/", ConnectionHandlers.DisconnectAsync).WithName("Disconnect").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Disconnect (revoke): an OAuth grant's refresh token is revoked at HubSpot and every stored token is deleted.");
        return group;
    }

    /// <summary>HubSpot sends the browser here after consent; the signed state, not an API key, says which workspace asked.</summary>
    public static IEndpointRouteBuilder MapOAuthCallback(this IEndpointRouteBuilder app)
    {
        app.MapGet(HubSpotAppSettings.CallbackPath, OAuthCallbackHandler.HandleAsync).WithTags("HubSpot connection").WithName("OAuthCallback").AllowAnonymous();
        return app;
    }
}
