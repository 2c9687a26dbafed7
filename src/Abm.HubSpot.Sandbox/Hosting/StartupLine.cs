using System.Text.Json;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Hosting;

/// <summary>The single JSON line the executable prints on start, so scripts can read credentials from it.</summary>
internal static class StartupLine
{
    public static string Of(SandboxHost host) => JsonSerializer.Serialize(
        new
        {
            baseUrl = host.BaseUrl,
            clientId = host.ClientId,
            clientSecret = host.ClientSecret,
            appId = host.AppId,
            developerApiKey = host.DeveloperApiKey,
            portals = host.Portals.Select(p => new { portalId = p.PortalId, accessToken = p.AccessToken, tier = p.Tier.ToString().ToLowerInvariant() }),
        },
        SandboxJson.Options);
}
