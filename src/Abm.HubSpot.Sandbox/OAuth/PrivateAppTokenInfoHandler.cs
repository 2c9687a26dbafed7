using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.OAuth;

/// <summary>
/// <c>POST /oauth/v2/private-apps/get/access-token-info</c> <c>{"tokenKey": token}</c>: the portal, app and scopes of a
/// private app's token, asked without any other credential. An unknown token answers 404 as the v1 token info does
/// (HubSpot's exact refusal for this route is not documented).
/// </summary>
internal static class PrivateAppTokenInfoHandler
{
    /// <summary>The sandbox's private apps have no app of their own; this offset makes a stable id per portal.</summary>
    private const long AppIdOffset = 9_000_000;

    public static async Task<IResult> HandleAsync(HttpRequest request, PortalRegistry portals, CancellationToken cancellationToken)
    {
        TokenKeyBody? body;
        try
        {
            body = await request.ReadFromJsonAsync<TokenKeyBody>(cancellationToken);
        }
        catch (Exception error) when (error is System.Text.Json.JsonException or InvalidOperationException)
        {
            return HubSpotErrors.Validation("Invalid input JSON: the body must be {\"tokenKey\": \"...\"}.");
        }

        if (string.IsNullOrEmpty(body?.TokenKey))
        {
            return HubSpotErrors.Validation("tokenKey is required.");
        }

        return portals.FindByPrivateAppToken(body.TokenKey) is { } portal
            ? SandboxJson.Json(new TokenInfo(1, portal.PortalId, AppIdOffset + portal.PortalId, [.. portal.PrivateAppScopes.Order(StringComparer.Ordinal)]))
            : HubSpotErrors.NotFound("The access token was not found");
    }

    private sealed record TokenKeyBody(string? TokenKey);

    private sealed record TokenInfo(long UserId, long HubId, long AppId, IReadOnlyList<string> Scopes);
}
