using System.Net;

namespace Abm.HubSpot.Resilience;

/// <summary>How long to wait before the next attempt, by what the failed attempt told us.</summary>
internal static class RetryDelays
{
    private static readonly TimeSpan _secondlyWindow = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Exponential back-off with "equal jitter" (half fixed, half random) so that callers who failed
    /// together do not come back together; raised to what HubSpot asks for where it says so.
    /// </summary>
    public static TimeSpan For(Exception? failure, int attempt, HubSpotRetryOptions options)
    {
        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 16));
        var capped = Math.Min(exponential, options.MaxDelay.TotalMilliseconds);
        var backoff = TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
        return failure switch
        {
            HubSpotApiException { RetryAfter: { } retryAfter } => retryAfter > backoff ? retryAfter : backoff,
            HubSpotApiException { StatusCode: HttpStatusCode.Locked } => Max(backoff, options.LockedMinimumDelay),
            HubSpotApiException { StatusCode: HttpStatusCode.TooManyRequests, PolicyName: not "TEN_SECONDLY_ROLLING" } => Max(backoff, _secondlyWindow),
            _ => backoff,
        };
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
