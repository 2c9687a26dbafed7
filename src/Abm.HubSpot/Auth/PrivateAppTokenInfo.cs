using System.Net.Http.Json;
using System.Text.Json;
using Abm.HubSpot.Http;

namespace Abm.HubSpot.Auth;

/// <summary>What HubSpot says of a private app's access token: the portal it belongs to and the scopes it was granted.</summary>
public sealed record PrivateAppTokenDetails(long HubId, long? AppId, IReadOnlyList<string> Scopes);

/// <summary>
/// HubSpot's private-app token introspection (<c>POST /oauth/v2/private-apps/get/access-token-info</c> with
/// <c>{"tokenKey": token}</c>). It needs no other credential and is read once when a token is saved, so it goes
/// around the portal's rate limiter.
/// </summary>
public static class PrivateAppTokenInfo
{
    /// <summary>The token's portal and scopes; a refusal or an outage raises <see cref="HubSpotApiException"/>.</summary>
    public static async Task<PrivateAppTokenDetails> ReadAsync(HttpClient httpClient, Uri baseUrl, string accessToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(baseUrl);
        const string operation = "POST " + HubSpotPaths.PrivateAppTokenInfo;
        HttpResponseMessage response;
        try
        {
            response = await httpClient.PostAsJsonAsync(new Uri(baseUrl, HubSpotPaths.PrivateAppTokenInfo), new TokenKeyBody(accessToken), cancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw HubSpotFailures.ToException(HubSpotErrorDetails.NoAnswer(operation, error.Message));
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw HubSpotFailures.ToException(HubSpotErrorDetails.Parse(operation, response.StatusCode, body, null));
            }

            var info = JsonSerializer.Deserialize<InfoDto>(body, HubSpotJson.Options) ?? throw new HubSpotApiException("HubSpot answered the token info with an empty body.");
            return new PrivateAppTokenDetails(info.HubId, info.AppId, info.Scopes ?? []);
        }
    }

    private sealed record TokenKeyBody(string TokenKey);

    private sealed record InfoDto(long HubId, long? AppId, long? UserId, List<string>? Scopes);
}
