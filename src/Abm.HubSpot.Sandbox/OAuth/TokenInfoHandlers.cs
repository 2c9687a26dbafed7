using System.Text.Json.Serialization;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.OAuth;

/// <summary>Token metadata (v1 access/refresh token info, v3 introspection) and refresh-token revocation.</summary>
internal static class TokenInfoHandlers
{
    public static IResult AccessTokenInfo(string token, OAuthTokenStore tokens, PortalRegistry portals, DeveloperApp app, TimeProvider clock)
    {
        if (tokens.FindAccessToken(token) is not { } access)
        {
            return HubSpotErrors.NotFound("The access token was not found");
        }

        var remaining = access.ExpiresAt - clock.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            return HubSpotErrors.Unauthorized("EXPIRED_AUTHENTICATION", "The OAuth token used to make this call expired.");
        }

        var grant = access.Grant;
        return SandboxJson.Json(new AccessTokenInfoResponse(
            access.Token, grant.UserEmail, portals.Find(grant.PortalId)?.HubDomain ?? "", grant.Scopes.Order(StringComparer.Ordinal).ToList(),
            grant.PortalId, app.AppId, (long)remaining.TotalSeconds, grant.UserId, "access"));
    }

    public static IResult RefreshTokenInfo(string token, OAuthTokenStore tokens, PortalRegistry portals, DeveloperApp app) =>
        tokens.FindRefreshToken(token) is { } refresh
            ? SandboxJson.Json(new RefreshTokenInfoResponse(
                refresh.Token, refresh.Grant.UserEmail, portals.Find(refresh.Grant.PortalId)?.HubDomain ?? "",
                refresh.Grant.Scopes.Order(StringComparer.Ordinal).ToList(), refresh.Grant.PortalId, app.ClientId, refresh.Grant.UserId, "refresh"))
            : HubSpotErrors.NotFound("The refresh token was not found");

    public static IResult Revoke(string token, OAuthTokenStore tokens) =>
        tokens.Revoke(token) ? Results.NoContent() : HubSpotErrors.NotFound("The refresh token was not found");

    /// <summary>POST /oauth/v3/token/introspect (RFC 7662 shape): inactive tokens answer only <c>active:false</c>.</summary>
    public static async Task<IResult> IntrospectAsync(HttpRequest request, OAuthTokenStore tokens, DeveloperApp app, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return OAuthError.BadRequest;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        if (ClientCheck.Verify(app, form["client_id"], form["client_secret"]) is { } clientError)
        {
            return clientError;
        }

        var token = form["token"].ToString();
        var now = clock.GetUtcNow();
        if (tokens.FindAccessToken(token) is { } access && access.ExpiresAt > now)
        {
            return SandboxJson.Json(Introspection.Of(access.Grant, "access", app, access.IssuedAt, access.ExpiresAt));
        }

        return tokens.FindRefreshToken(token) is { } refresh
            ? SandboxJson.Json(Introspection.Of(refresh.Grant, "refresh", app, refresh.IssuedAt, null))
            : SandboxJson.Json(new { active = false });
    }

    private sealed record AccessTokenInfoResponse(
        string Token, string User, [property: JsonPropertyName("hub_domain")] string HubDomain, IReadOnlyList<string> Scopes,
        [property: JsonPropertyName("hub_id")] long HubId, [property: JsonPropertyName("app_id")] long AppId,
        [property: JsonPropertyName("expires_in")] long ExpiresIn, [property: JsonPropertyName("user_id")] long UserId,
        [property: JsonPropertyName("token_type")] string TokenType);

    private sealed record RefreshTokenInfoResponse(
        string Token, string User, [property: JsonPropertyName("hub_domain")] string HubDomain, IReadOnlyList<string> Scopes,
        [property: JsonPropertyName("hub_id")] long HubId, [property: JsonPropertyName("client_id")] string ClientId,
        [property: JsonPropertyName("user_id")] long UserId, [property: JsonPropertyName("token_type")] string TokenType);

    private sealed record Introspection(
        bool Active, [property: JsonPropertyName("token_type")] string TokenType, [property: JsonPropertyName("client_id")] string ClientId,
        [property: JsonPropertyName("hub_id")] long HubId, [property: JsonPropertyName("app_id")] long AppId,
        [property: JsonPropertyName("user_id")] long UserId, string Scope, long Iat, long? Exp)
    {
        public static Introspection Of(OAuthGrant grant, string type, DeveloperApp app, DateTimeOffset issuedAt, DateTimeOffset? expiresAt) => new(
            true, type, app.ClientId, grant.PortalId, app.AppId, grant.UserId,
            string.Join(' ', grant.Scopes.Order(StringComparer.Ordinal)), issuedAt.ToUnixTimeSeconds(), expiresAt?.ToUnixTimeSeconds());
    }
}
