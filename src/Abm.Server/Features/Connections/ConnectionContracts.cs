using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Abm.Server.Features.Connections;

/// <summary>Connect with a private app's access token; the portal id names the portal it belongs to.</summary>
internal sealed record ConnectPrivateAppRequest(
    [property: Required, StringLength(512, MinimumLength = 10), JsonPropertyName("accessToken")] string AccessToken,
    [property: Required, RegularExpression("^[0-9]{1,20}$", ErrorMessage = "portalId must be HubSpot's numeric portal (hub) id."), JsonPropertyName("portalId")] string PortalId);

/// <summary>
/// A workspace's connection as users see it: never a token. <c>source</c> is <c>environment</c> for the default
/// workspace's HUBSPOT_API_KEY, <c>stored</c> for one made through this API, <c>none</c> when there is none.
/// </summary>
internal sealed record ConnectionResponse(
    Guid WorkspaceId,
    string Source,
    string Status,
    string? AuthKind,
    string? PortalId,
    string? StatusReason,
    IReadOnlyList<string> Scopes,
    DateTime? AccessTokenExpiresAt,
    DateTime? UpdatedAt,
    DateTime? LastRefreshedAt);

internal sealed record OAuthStartResponse(Uri AuthorizeUrl, DateTimeOffset ExpiresAt);
