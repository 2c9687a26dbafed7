namespace Abm.HubSpot.RateLimiting;

/// <summary>Capacity and refill rate of a <see cref="TokenBucket"/>.</summary>
internal readonly record struct BucketSize(int Capacity, double TokensPerSecond)
{
    /// <summary>
    /// Sizes a bucket for a rolling window of <paramref name="limit"/> calls per <paramref name="window"/>.
    /// A bucket lets through at most capacity + rate x window calls in any window, so both are chosen to
    /// stay under the limit: a small burst (1/20 of the limit) and a 1% margin for network jitter, the rest
    /// as steady rate. At 190 per 10 s that is 9 at once and 18 per second (95% of the ceiling).
    /// </summary>
    public static BucketSize ForRollingWindow(int limit, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 2);
        var capacity = Math.Max(1, limit / 20);
        var margin = limit / 100;
        return new BucketSize(capacity, (limit - capacity - margin) / window.TotalSeconds);
    }
}
