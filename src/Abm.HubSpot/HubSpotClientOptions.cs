using Abm.HubSpot.RateLimiting;
using Abm.HubSpot.Resilience;

namespace Abm.HubSpot;

/// <summary>Where the client sends its calls and how it paces and retries them. The defaults suit a real portal.</summary>
public sealed class HubSpotClientOptions
{
    /// <summary>The API host, <c>https://api.hubapi.com</c> by default; point it at the sandbox in tests and demos.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.hubapi.com");

    /// <summary>
    /// Path prefix of the CRM objects API: <c>/crm/v3/objects</c> (default) or a date-versioned one such as
    /// <c>/crm/objects/2026-03</c>. Every object, batch and search path is built from it.
    /// </summary>
    public string CrmObjectsPath { get; set; } = "/crm/v3/objects";

    /// <summary>Pacing: burst and search limits of the portal, daily reserve.</summary>
    public HubSpotRateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Retries, back-off and timeouts.</summary>
    public HubSpotRetryOptions Retries { get; set; } = new();

    /// <summary>
    /// Where the client's instruments (calls by route and status, durations, 429s, allowance left) are created;
    /// none when null. Give each host its own (from its <c>IMeterFactory</c>) so hosts sharing a process do not
    /// count each other's calls.
    /// </summary>
    public System.Diagnostics.Metrics.Meter? Meter { get; set; }
}
