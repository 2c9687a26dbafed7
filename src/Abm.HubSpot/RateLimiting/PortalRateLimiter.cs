using System.Globalization;
using System.Net.Http.Headers;

namespace Abm.HubSpot.RateLimiting;

/// <summary>
/// Paces the calls of one portal: the burst bucket for ordinary calls, a separate bucket for CRM search,
/// and the daily budget. Corrected from the <c>X-HubSpot-RateLimit-*</c> headers of every answer.
/// </summary>
internal sealed class PortalRateLimiter : IDisposable
{
    private readonly TokenBucket _burst;
    private readonly TokenBucket _search;
    private readonly long _dailyReserve;
    private readonly Lock _gate = new();
    private long? _dailyRemaining;
    private int _reportedLimit;
    private TimeSpan _reportedInterval;

    public PortalRateLimiter(HubSpotRateLimitOptions options, bool isOAuth, TimeProvider time)
    {
        _reportedLimit = options.BurstLimitFor(isOAuth);
        _reportedInterval = options.Interval;
        _burst = new TokenBucket(BucketSize.ForRollingWindow(_reportedLimit, _reportedInterval), time);
        _search = new TokenBucket(BucketSize.ForRollingWindow(options.SearchPerSecond, TimeSpan.FromSeconds(1)), time);
        _dailyReserve = options.DailyReserve;
    }

    /// <summary>The burst bucket's current size, for diagnostics and tests.</summary>
    public BucketSize BurstSize => _burst.Size;

    /// <summary>Waits for a slot; throws <see cref="HubSpotDailyLimitException"/> instead of spending the daily reserve.</summary>
    public async ValueTask AcquireAsync(bool isSearch, CancellationToken cancellationToken)
    {
        if (isSearch)
        {
            // Search calls count against their own per-second limit only, and carry no headers.
            using var searchLease = await _search.AcquireAsync(1, cancellationToken);
            return;
        }

        lock (_gate)
        {
            if (_dailyRemaining is { } remaining)
            {
                if (remaining <= _dailyReserve)
                {
                    throw new HubSpotDailyLimitException(
                        $"HubSpot daily call limit nearly reached: {remaining} calls left, {_dailyReserve} kept in reserve. Calls resume after the portal's daily reset.");
                }

                _dailyRemaining = remaining - 1;
            }
        }

        using var lease = await _burst.AcquireAsync(1, cancellationToken);
    }

    /// <summary>Adopts what HubSpot reports: the real burst limit, what is left of it, and the daily budget. Returns what is left, when HubSpot said.</summary>
    public long? Observe(HttpResponseHeaders headers)
    {
        var max = Number(headers, "X-HubSpot-RateLimit-Max");
        var intervalMs = Number(headers, "X-HubSpot-RateLimit-Interval-Milliseconds");
        var remaining = Number(headers, "X-HubSpot-RateLimit-Remaining");
        var daily = Number(headers, "X-HubSpot-RateLimit-Daily-Remaining");
        lock (_gate)
        {
            if (daily is not null)
            {
                _dailyRemaining = daily;
            }

            var interval = intervalMs is > 0 ? TimeSpan.FromMilliseconds(intervalMs.Value) : _reportedInterval;
            if (max is >= 2 && (max != _reportedLimit || interval != _reportedInterval))
            {
                _reportedLimit = (int)max.Value;
                _reportedInterval = interval;
                _burst.Resize(BucketSize.ForRollingWindow(_reportedLimit, interval));
            }
        }

        if (remaining is not null)
        {
            // Other apps of the portal may be spending the same window; never start more than HubSpot has left.
            _burst.LimitTo(remaining.Value);
        }

        return remaining;
    }

    /// <summary>A 429 means the window is full after all: stop everyone until the bucket refills.</summary>
    public void OnRateLimited(bool isSearch) => (isSearch ? _search : _burst).LimitTo(0);

    public void Dispose()
    {
        _burst.Dispose();
        _search.Dispose();
    }

    private static long? Number(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
