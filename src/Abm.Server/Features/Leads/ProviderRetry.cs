namespace Abm.Server.Features.Leads;

/// <summary>The wait before sending a failed request to a model provider again: shared by the reasoner and the embedder.</summary>
internal static class ProviderRetry
{
    /// <summary>The longest Retry-After waited out before a retry; a provider asking for more is not held on to.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The back-off before retry number <paramref name="attempt"/> (the first delay, then twice as long each time), or the
    /// provider's own <c>Retry-After</c> when that is longer; null when the provider asked for more than <see cref="MaxRetryAfter"/>.
    /// </summary>
    public static TimeSpan? Delay(int firstDelayMilliseconds, int attempt, TimeSpan? retryAfter)
    {
        var backOff = TimeSpan.FromMilliseconds(firstDelayMilliseconds * Math.Pow(2, attempt - 1));
        return retryAfter switch
        {
            null => backOff,
            { } asked when asked > MaxRetryAfter => null,
            { } asked => asked > backOff ? asked : backOff,
        };
    }
}
