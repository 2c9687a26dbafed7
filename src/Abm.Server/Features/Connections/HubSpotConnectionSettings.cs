using Abm.HubSpot.RateLimiting;
using Abm.Server.Configuration;

namespace Abm.Server.Features.Connections;

/// <summary>
/// Where HubSpot is (HUBSPOT_BASE_URL) and which tier its portals are paced for (HUBSPOT_TIER), plus the
/// connection configured in the environment: the documented HUBSPOT_API_KEY (a private-app token) and
/// HUBSPOT_PORTAL_ID, which belong to the default workspace. Other workspaces store their own connections.
/// </summary>
internal sealed record HubSpotConnectionSettings(string? AccessToken, string? PortalId, Uri BaseUrl, HubSpotTier Tier)
{
    public static HubSpotConnectionSettings FromConfiguration(IConfiguration configuration)
    {
        // Every HUBSPOT_* setting present is checked, even without a token, so a typo is caught before it matters.
        var baseUrl = configuration["HUBSPOT_BASE_URL"] is { Length: > 0 } url ? url : "https://api.hubapi.com";
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ConfigurationException($"HUBSPOT_BASE_URL '{baseUrl}' is not an http(s) URL.");
        }

        var tierText = configuration["HUBSPOT_TIER"] is { Length: > 0 } t ? t : "professional";
        if (!Enum.TryParse<HubSpotTier>(tierText, ignoreCase: true, out var tier) || !Enum.IsDefined(tier))
        {
            throw new ConfigurationException($"HUBSPOT_TIER '{tierText}' is unknown; use one of {string.Join(", ", Enum.GetNames<HubSpotTier>()).ToLowerInvariant()}.");
        }

        var token = configuration["HUBSPOT_API_KEY"] is { Length: > 0 } value ? value : null;
        var portalId = configuration["HUBSPOT_PORTAL_ID"] is { Length: > 0 } portal ? portal.Trim() : null;
        return new HubSpotConnectionSettings(token, portalId, uri, tier);
    }

    /// <summary>The token is a secret: records print without it.</summary>
    public override string ToString() => $"HubSpot at {BaseUrl} ({Tier}){(AccessToken is null ? "" : ", private app token set")}";
}
