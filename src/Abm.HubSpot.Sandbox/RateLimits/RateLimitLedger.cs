using Abm.HubSpot.Sandbox.Auth;

namespace Abm.HubSpot.Sandbox.RateLimits;

internal enum RateLimitOutcome
{
    Allowed,
    TenSecondlyExceeded,
    DailyExceeded,
    SecondlyExceeded,
}

/// <summary>The outcome of one call against the limits, with what the rate-limit headers report.</summary>
internal sealed record RateLimitDecision(RateLimitOutcome Outcome, RateLimitPolicy Policy, int BurstRemaining, long? DailyRemaining);

/// <summary>
/// Per-portal rate-limit state: a rolling 10-second window per app kind, a daily counter shared by the
/// portal's private apps (reset at midnight in the portal's time zone) and the search limit.
/// </summary>
internal sealed class RateLimitLedger(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(long PortalId, CallerKind Kind), RollingWindow> _bursts = [];
    private readonly Dictionary<long, RollingWindow> _searches = [];
    private readonly Dictionary<long, (DateOnly Day, long Used)> _daily = [];

    public RateLimitDecision Acquire(Caller caller)
    {
        var portal = caller.Portal;
        var policy = RateLimitPolicy.For(caller.Kind, portal.Options);
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, portal.TimeZone).DateTime);
            var (countedDay, used) = _daily.GetValueOrDefault(portal.PortalId);
            used = countedDay == day ? used : 0;
            if (policy.Daily is { } dailyLimit && used >= dailyLimit)
            {
                return new RateLimitDecision(RateLimitOutcome.DailyExceeded, policy, 0, 0);
            }

            var window = Window(_bursts, (portal.PortalId, caller.Kind), TimeSpan.FromMilliseconds(RateLimitPolicy.IntervalMilliseconds));
            if (!window.TryAcquire(now, policy.BurstPer10Seconds, out var remaining))
            {
                return new RateLimitDecision(RateLimitOutcome.TenSecondlyExceeded, policy, 0, policy.Daily - used);
            }

            if (caller.Kind == CallerKind.PrivateApp)
            {
                used++;
            }

            _daily[portal.PortalId] = (day, used);
            return new RateLimitDecision(RateLimitOutcome.Allowed, policy, remaining, policy.Daily - used);
        }
    }

    /// <summary>Search has its own per-portal limit of 5 calls per second and reports no headers.</summary>
    public RateLimitDecision AcquireSearch(Caller caller)
    {
        var policy = RateLimitPolicy.For(caller.Kind, caller.Portal.Options);
        lock (_gate)
        {
            var window = Window(_searches, caller.Portal.PortalId, TimeSpan.FromSeconds(1));
            var allowed = window.TryAcquire(clock.GetUtcNow(), RateLimitPolicy.SearchPerSecond, out var remaining);
            return new RateLimitDecision(allowed ? RateLimitOutcome.Allowed : RateLimitOutcome.SecondlyExceeded, policy, remaining, null);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _bursts.Clear();
            _searches.Clear();
            _daily.Clear();
        }
    }

    private static RollingWindow Window<TKey>(Dictionary<TKey, RollingWindow> windows, TKey key, TimeSpan length)
        where TKey : notnull
    {
        if (!windows.TryGetValue(key, out var window))
        {
            window = new RollingWindow(length);
            windows[key] = window;
        }

        return window;
    }
}
