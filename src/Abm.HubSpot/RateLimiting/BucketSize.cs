namespace Abm.HubSpot.RateLimiting;

/// <summary>Capacity and refill rate of a <see cref="TokenBucket"/>.</summary>
internal readonly record struct BucketSize(int Capacity, double TokensPerSecond)
{
    /// <summary>
    /// Sizes a bucket for a rolling window of <paramref name="limit"/> calls per <paramref name="window"/>.
    /// A bucket lets through at most capacity + rate x window calls in any window, so both are chosen to
    /// stay under the limit: a small burst (1/40 of the limit) and a 2% margin (at least one call) because
    /// calls reach HubSpot with uneven network and scheduling delays, the rest as steady rate. Delays can only
    /// bunch the few calls in flight at a window's edge, so a margin of a few calls is enough; the headers
    /// correct the rest. At 190 per 10 s that is 4 at once and 18.2 per second (96% of the ceiling); at 5
    /// searches per second, 3 per second.
    /// </summary>
    public static BucketSize ForRollingWindow(int limit, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);
        var capacity = Math.Max(1, limit / 40);
        var margin = Math.Max(1, (int)Math.Ceiling(limit * 0.02));
        return new BucketSize(capacity, (limit - capacity - margin) / window.TotalSeconds);
    }
}
