namespace Abm.HubSpot.RateLimiting;

/// <summary>
/// How fast the client may call one portal. The burst limit comes from the tier (or the OAuth app limit)
/// unless <see cref="BurstLimit"/> overrides it, and is corrected at run time from HubSpot's
/// <c>X-HubSpot-RateLimit-*</c> headers.
/// </summary>
public sealed class HubSpotRateLimitOptions
{
    /// <summary>Tier of the portal; decides the private-app burst limit (100 or 190 per 10 seconds).</summary>
    public HubSpotTier Tier { get; set; } = HubSpotTier.Professional;

    /// <summary>Calls per interval allowed to a private app; null takes the tier's limit (250 with the limit increase add-on).</summary>
    public int? BurstLimit { get; set; }

    /// <summary>Calls per interval allowed to a public OAuth app in each installing portal.</summary>
    public int OAuthBurstLimit { get; set; } = 110;

    /// <summary>Length of HubSpot's rolling burst window.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>CRM search calls per second per portal (search has its own limit and reports no headers).</summary>
    public int SearchPerSecond { get; set; } = 5;

    /// <summary>
    /// Daily calls left untouched: once <c>X-HubSpot-RateLimit-Daily-Remaining</c> falls to this value the
    /// client stops with <see cref="HubSpotDailyLimitException"/> instead of spending the portal's last calls.
    /// </summary>
    public long DailyReserve { get; set; } = 500;

    internal int BurstLimitFor(bool isOAuth) => isOAuth
        ? OAuthBurstLimit
        : BurstLimit ?? (Tier is HubSpotTier.Free or HubSpotTier.Starter ? 100 : 190);
}
