namespace Abm.HubSpot.Sandbox.OAuth;

/// <summary>HubSpot's OAuth 2.0 routes (authorize lives on app.hubspot.com in reality; the sandbox serves both hosts' paths).</summary>
internal static class OAuthEndpoints
{
    public static IEndpointRouteBuilder MapOAuthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/oauth/authorize", AuthorizeHandler.Authorize);
        app.MapPost("/oauth/v1/token", TokenHandler.ExchangeAsync);
        app.MapGet("/oauth/v1/access-tokens/{token}", TokenInfoHandlers.AccessTokenInfo);
        app.MapGet("/oauth/v1/refresh-tokens/{token}", TokenInfoHandlers.RefreshTokenInfo);
        app.MapDelete("/oauth/v1/refresh-tokens/{token}", TokenInfoHandlers.Revoke);
        app.MapPost("/oauth/v3/token/introspect", TokenInfoHandlers.IntrospectAsync);
        app.MapPost("/oauth/v2/private-apps/get/access-token-info", PrivateAppTokenInfoHandler.HandleAsync);
        return app;
    }
}
