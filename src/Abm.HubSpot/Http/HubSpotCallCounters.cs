namespace Abm.HubSpot.Http;

/// <summary>How many calls a client made to HubSpot and how many of them HubSpot answered with 429, since it was created.</summary>
public sealed record HubSpotCallCounts(long Calls, long RateLimited)
{
    /// <summary>What happened between <paramref name="earlier"/> and this count.</summary>
    public HubSpotCallCounts Since(HubSpotCallCounts earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return new HubSpotCallCounts(Calls - earlier.Calls, RateLimited - earlier.RateLimited);
    }
}

/// <summary>Thread-safe counters behind <see cref="HubSpotCallCounts"/>; every attempt counts, retries included.</summary>
internal sealed class HubSpotCallCounters
{
    private long _calls;
    private long _rateLimited;

    public void CountCall() => Interlocked.Increment(ref _calls);

    public void CountRateLimited() => Interlocked.Increment(ref _rateLimited);

    public HubSpotCallCounts Snapshot() => new(Interlocked.Read(ref _calls), Interlocked.Read(ref _rateLimited));
}
