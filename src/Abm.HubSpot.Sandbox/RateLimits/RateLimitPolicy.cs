using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Hosting;

namespace Abm.HubSpot.Sandbox.RateLimits;

/// <summary>The burst and daily limits HubSpot applies to one caller, by app kind, tier and add-ons.</summary>
internal sealed record RateLimitPolicy(int BurstPer10Seconds, long? Daily)
{
    public const int IntervalMilliseconds = 10_000;
    public const int SearchPerSecond = 5;

    public static RateLimitPolicy For(CallerKind kind, SandboxPortalOptions portal)
    {
        var policy = For(kind, portal.Tier, portal.ApiLimitIncreases);
        return kind == CallerKind.OAuth
            ? policy
            : new RateLimitPolicy(portal.BurstLimit ?? policy.BurstPer10Seconds, portal.DailyLimit ?? policy.Daily);
    }

    public static RateLimitPolicy For(CallerKind kind, SandboxTier tier, int apiLimitIncreases)
    {
        if (kind == CallerKind.OAuth)
        {
            // Public apps get a per-installing-portal burst limit and no daily limit.
            return new RateLimitPolicy(110, null);
        }

        var (burst, daily) = tier switch
        {
            SandboxTier.Free or SandboxTier.Starter => (100, 250_000L),
            SandboxTier.Professional => (190, 625_000L),
            _ => (190, 1_000_000L),
        };
        var increases = Math.Clamp(apiLimitIncreases, 0, 2);
        return increases == 0
            ? new RateLimitPolicy(burst, daily)
            : new RateLimitPolicy(250, daily + (increases * 1_000_000L));
    }
}
