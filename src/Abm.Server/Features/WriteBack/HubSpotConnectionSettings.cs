using Abm.HubSpot.RateLimiting;
using Abm.Server.Configuration;

namespace Abm.Server.Features.WriteBack;

/// <summary>
/// The HubSpot connection configured in the environment (the brief's HUBSPOT_API_KEY, a private-app token),
/// which belongs to the default workspace. Connections stored per workspace arrive with OAuth.
/// </summary>
internal sealed record HubSpotConnectionSettings(string AccessToken, Uri BaseUrl, HubSpotTier Tier)
{
    public static HubSpotConnectionSettings? FromConfiguration(IConfiguration configuration)
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

        return configuration["HUBSPOT_API_KEY"] is { Length: > 0 } token ? new HubSpotConnectionSettings(token, uri, tier) : null;
    }

    /// <summary>The token is a secret: records print without it.</summary>
    public override string ToString() => $"HubSpot at {BaseUrl} ({Tier})";
}
