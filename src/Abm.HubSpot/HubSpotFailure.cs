namespace Abm.HubSpot;

/// <summary>What counts as HubSpot failing a call (as opposed to a bug of ours): callers record or report these and carry on.</summary>
public static class HubSpotFailure
{
    /// <summary>
    /// True for HubSpot's own refusals and outages (after the client's retries), a revoked or refused token, the
    /// portal's daily limit, and the network failing or timing out on the way.
    /// </summary>
    public static bool Is(Exception error) =>
        error is HubSpotApiException or HubSpotAuthenticationException or HubSpotDailyLimitException or HttpRequestException or TimeoutException;
}
