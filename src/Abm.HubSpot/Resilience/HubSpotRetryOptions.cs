namespace Abm.HubSpot.Resilience;

/// <summary>Retry budget and timeouts for one logical call (all its attempts together).</summary>
public sealed class HubSpotRetryOptions
{
    /// <summary>Retries after the first attempt; 0 disables retries.</summary>
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>First back-off delay; it doubles on each retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of one back-off delay (a <c>Retry-After</c> from HubSpot may ask for more and is honoured up to this bound).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>HubSpot asks for at least 2 seconds before retrying a 423 Locked.</summary>
    public TimeSpan LockedMinimumDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one attempt may take before it is abandoned and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a call may take across all its attempts and waits.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);
}
