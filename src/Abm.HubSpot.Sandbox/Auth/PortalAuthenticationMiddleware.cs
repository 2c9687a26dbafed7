using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.OAuth;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Auth;

/// <summary>Resolves the bearer token of a portal API call to a <see cref="Caller"/> or answers 401 as HubSpot does.</summary>
internal sealed class PortalAuthenticationMiddleware(RequestDelegate next, PortalRegistry portals, OAuthTokenStore oauth, TimeProvider clock)
{
    private const string CredentialsNotFound =
        "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<PortalApiMetadata>() is null)
        {
            await next(context);
            return;
        }

        var (caller, error) = Authenticate(BearerToken.From(context.Request));
        if (error is not null)
        {
            await error.ExecuteAsync(context);
            return;
        }

        context.Features.Set(caller);
        await next(context);
    }

    private (Caller? Caller, HubSpotError? Error) Authenticate(string? token)
    {
        if (token is null)
        {
            return (null, HubSpotErrors.Unauthorized("INVALID_AUTHENTICATION", CredentialsNotFound));
        }

        if (portals.FindByPrivateAppToken(token) is { } portal)
        {
            return (new Caller(portal, CallerKind.PrivateApp, portal.PrivateAppScopes), null);
        }

        if (oauth.FindAccessToken(token) is not { } access || portals.Find(access.Grant.PortalId) is not { } oauthPortal)
        {
            return (null, HubSpotErrors.Unauthorized("INVALID_AUTHENTICATION", CredentialsNotFound));
        }

        var expiredFor = clock.GetUtcNow() - access.ExpiresAt;
        if (expiredFor >= TimeSpan.Zero)
        {
            var minutes = (int)Math.Max(1, Math.Round(expiredFor.TotalMinutes));
            return (null, HubSpotErrors.Unauthorized("EXPIRED_AUTHENTICATION", $"The OAuth token used to make this call expired {minutes} minute(s) ago."));
        }

        return (new Caller(oauthPortal, CallerKind.OAuth, access.Grant.Scopes), null);
    }
}
