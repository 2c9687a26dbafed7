extern alias sandbox;

using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Server.Tests.Sync;

/// <summary>A server set up to connect portals of a sandbox through the OAuth code flow.</summary>
internal static class OAuthServerSettings
{
    public const string PublicBaseUrl = "https://abm.example.test";

    /// <summary>OAuth against the sandbox, no scheduled syncs or write-backs to interfere, and quick HubSpot retries.</summary>
    public static Dictionary<string, string> For(SandboxHost sandbox) => new()
    {
        ["HUBSPOT_BASE_URL"] = sandbox.BaseUrl,
        ["HUBSPOT_AUTHORIZE_URL"] = $"{sandbox.BaseUrl}/oauth/authorize",
        ["HUBSPOT_CLIENT_ID"] = sandbox.ClientId,
        ["HUBSPOT_CLIENT_SECRET"] = sandbox.ClientSecret,
        ["PUBLIC_BASE_URL"] = PublicBaseUrl,
        ["Sync:IncrementalIntervalMinutes"] = "0",
        ["WriteBack:IntervalSeconds"] = "3600",
        ["HubSpot:Retries:BaseDelay"] = "00:00:00.020",
    };
}
