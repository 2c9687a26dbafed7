using System.Text.Json;
using System.Text.Json.Serialization;
using Abm.HubSpot.Http;
using Abm.HubSpot.Resilience;
using Polly;

namespace Abm.HubSpot.Auth;

/// <summary>The identity behind an access token: the portal (<c>hub_id</c>) to key stored tokens by, and what was granted.</summary>
public sealed record OAuthTokenInfo(long HubId, string? HubDomain, IReadOnlyList<string> Scopes, string? User);

/// <summary>
/// HubSpot's OAuth 2.0 token endpoint for a public app: exchange an authorization code, refresh tokens,
/// read token info. <c>invalid_grant</c> on refresh raises <see cref="HubSpotAuthorizationRevokedException"/>.
/// </summary>
public sealed class HubSpotOAuthClient
{
    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _pipeline;

    public HubSpotOAuthClient(HttpClient httpClient, string clientId, string clientSecret, Uri? baseUrl = null, TimeProvider? timeProvider = null, HubSpotRetryOptions? retries = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        _http = httpClient;
        _clientId = clientId;
        _clientSecret = clientSecret;
        _baseUrl = baseUrl ?? new HubSpotClientOptions().BaseUrl;
        _time = timeProvider ?? TimeProvider.System;
        _pipeline = HubSpotResiliencePipeline.Build(retries ?? new HubSpotRetryOptions(), _time, (_, _, _) => { });
    }

    /// <summary>Exchanges the <c>code</c> of the authorize redirect for tokens; <paramref name="redirectUri"/> must be the one used to authorize.</summary>
    public Task<OAuthTokens> ExchangeCodeAsync(string code, Uri redirectUri, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(redirectUri);
        return RequestTokensAsync(
            [new("grant_type", "authorization_code"), new("code", code), new("redirect_uri", redirectUri.ToString())],
            revokedOnInvalidGrant: false,
            cancellationToken);
    }

    /// <summary>New tokens for a refresh token. Persist the refresh token that comes back.</summary>
    public Task<OAuthTokens> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default) =>
        RequestTokensAsync([new("grant_type", "refresh_token"), new("refresh_token", refreshToken)], revokedOnInvalidGrant: true, cancellationToken);

    /// <summary>The portal and scopes behind an access token.</summary>
    public async Task<OAuthTokenInfo> GetTokenInfoAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        var body = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, new Uri(_baseUrl, HubSpotPaths.OAuthAccessTokenInfo(accessToken))),
            "GET /oauth/v1/access-tokens",
            revokedOnInvalidGrant: false,
            cancellationToken);
        var info = Deserialize<TokenInfoDto>(body);
        return new OAuthTokenInfo(info.HubId, info.HubDomain, info.Scopes ?? [], info.User);
    }

    /// <summary>
    /// Revokes a refresh token, ending the installation's access (used when a workspace disconnects).
    /// A token HubSpot no longer knows counts as revoked.
    /// </summary>
    public async Task RevokeRefreshTokenAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        try
        {
            await SendAsync(
                () => new HttpRequestMessage(HttpMethod.Delete, new Uri(_baseUrl, HubSpotPaths.OAuthRefreshToken(refreshToken))),
                "DELETE /oauth/v1/refresh-tokens",
                revokedOnInvalidGrant: false,
                cancellationToken);
        }
        catch (HubSpotApiException error) when (error.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.BadRequest)
        {
            // Already gone: the outcome the caller wants.
        }
    }

    private async Task<OAuthTokens> RequestTokensAsync(KeyValuePair<string, string>[] grant, bool revokedOnInvalidGrant, CancellationToken cancellationToken)
    {
        KeyValuePair<string, string>[] form = [.. grant, new("client_id", _clientId), new("client_secret", _clientSecret)];
        var body = await SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, new Uri(_baseUrl, HubSpotPaths.OAuthToken)) { Content = new FormUrlEncodedContent(form) },
            "POST /oauth/v1/token",
            revokedOnInvalidGrant,
            cancellationToken);
        var tokens = Deserialize<TokenDto>(body);
        return new OAuthTokens(tokens.AccessToken ?? "", tokens.RefreshToken ?? "", _time.GetUtcNow().AddSeconds(tokens.ExpiresIn));
    }

    private async Task<string> SendAsync(Func<HttpRequestMessage> build, string operation, bool revokedOnInvalidGrant, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(
            async ct =>
            {
                using var request = build();
                using var response = await _http.SendAsync(request, ct);
                var text = await response.Content.ReadAsStringAsync(ct);
                if (response.IsSuccessStatusCode)
                {
                    return text;
                }

                var details = HubSpotErrorDetails.Parse(operation, response.StatusCode, text, null);
                if (details.Category == "invalid_grant" && revokedOnInvalidGrant)
                {
                    throw new HubSpotAuthorizationRevokedException(details);
                }

                throw details.Category is "invalid_grant" or "invalid_client" ? new HubSpotAuthenticationException(details) : HubSpotFailures.ToException(details);
            },
            cancellationToken);

    private static T Deserialize<T>(string body) =>
        JsonSerializer.Deserialize<T>(body, HubSpotJson.Options) ?? throw new HubSpotApiException("HubSpot's OAuth endpoint answered with an empty body.");

    private sealed record TokenDto(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] long ExpiresIn);

    private sealed record TokenInfoDto(
        [property: JsonPropertyName("hub_id")] long HubId,
        [property: JsonPropertyName("hub_domain")] string? HubDomain,
        List<string>? Scopes,
        string? User);
}
