using System.Text.Json.Serialization;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.OAuth;

/// <summary>POST /oauth/v1/token: exchanges an authorization code or a refresh token for an access token.</summary>
internal static class TokenHandler
{
    public static async Task<IResult> ExchangeAsync(HttpRequest request, DeveloperApp app, OAuthTokenStore tokens, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return OAuthError.BadRequest;
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var grantType = form["grant_type"].ToString();
        if (grantType is not ("authorization_code" or "refresh_token"))
        {
            return OAuthError.BadGrantType;
        }

        if (ClientCheck.Verify(app, form["client_id"], form["client_secret"]) is { } clientError)
        {
            return clientError;
        }

        if (grantType == "refresh_token")
        {
            return tokens.Refresh(form["refresh_token"].ToString()) is { } refreshed ? Issued(refreshed) : OAuthError.BadRefreshToken;
        }

        var code = tokens.RedeemCode(form["code"].ToString());
        if (code is null)
        {
            return OAuthError.BadAuthCode;
        }

        return string.Equals(code.RedirectUri, form["redirect_uri"], StringComparison.Ordinal)
            ? Issued(tokens.IssueTokens(code.Grant))
            : OAuthError.BadRedirectUri;
    }

    private static IResult Issued(OAuthAccessToken access) => SandboxJson.Json(new TokenResponse(
        "bearer",
        access.RefreshToken,
        access.Token,
        (long)(access.ExpiresAt - access.IssuedAt).TotalSeconds));

    private sealed record TokenResponse(
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("refresh_token")] string RefreshToken,
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] long ExpiresIn);
}
