using System.Threading.RateLimiting;

namespace Abm.Server.Features.Access;

/// <summary>The token bucket behind API_RATE_LIMIT_PER_MINUTE.</summary>
internal static class PerKeyAllowance
{
    /// <summary>
    /// A full minute's worth may burst, then tokens come back at exactly perMinute a minute: one every
    /// 60 s / perMinute, or a few at a time every tenth of a second or so for high rates. Refilling whole
    /// tokens every second instead rounded any rate that is not a multiple of 60 (3 a minute sustained 60).
    /// </summary>
    public static TokenBucketRateLimiterOptions BucketFor(int perMinute)
    {
        var tokensPerPeriod = Math.Max(1, perMinute / 600);
        return new()
        {
            TokenLimit = perMinute,
            TokensPerPeriod = tokensPerPeriod,
            // Rounded up, so the sustained rate never exceeds the configured one.
            ReplenishmentPeriod = TimeSpan.FromTicks((tokensPerPeriod * TimeSpan.TicksPerMinute + perMinute - 1) / perMinute),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
