using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.OAuth;

/// <summary>HubSpot's OAuth error body: a HubSpot <c>status</c> code word plus the OAuth <c>error</c> fields.</summary>
internal sealed record OAuthError(string Status, string Error, string Description) : IResult
{
    public static OAuthError BadGrantType { get; } = new("BAD_GRANT_TYPE", "unsupported_grant_type", "missing or unknown grant type");

    public static OAuthError BadClientId { get; } = new("BAD_CLIENT_ID", "invalid_client", "missing or invalid client id");

    public static OAuthError BadClientSecret { get; } = new("BAD_CLIENT_SECRET", "invalid_client", "missing or invalid client secret");

    public static OAuthError BadAuthCode { get; } = new("BAD_AUTH_CODE", "invalid_grant", "missing or unknown auth code");

    public static OAuthError BadRedirectUri { get; } = new("BAD_REDIRECT_URI", "invalid_grant", "redirect_uri does not match the one used to authorize");

    public static OAuthError BadRefreshToken { get; } = new("BAD_REFRESH_TOKEN", "invalid_grant", "missing or invalid refresh token");

    public static OAuthError BadRequest { get; } = new("BAD_REQUEST", "invalid_request", "the request must be application/x-www-form-urlencoded");

    public Task ExecuteAsync(HttpContext httpContext) =>
        SandboxJson.Json(new Body(Status, Description, Guid.NewGuid().ToString(), Error, Description), StatusCodes.Status400BadRequest)
            .ExecuteAsync(httpContext);

    private sealed record Body(
        string Status,
        string Message,
        string CorrelationId,
        [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
        [property: System.Text.Json.Serialization.JsonPropertyName("error_description")] string ErrorDescription);
}
