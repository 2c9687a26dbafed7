namespace Abm.HubSpot;

/// <summary>
/// The portal's daily call budget is spent (HubSpot answered 429 DAILY) or down to the configured reserve.
/// Not retried: the budget resets at midnight in the portal's time zone.
/// </summary>
public sealed class HubSpotDailyLimitException : HubSpotApiException
{
    public HubSpotDailyLimitException()
    {
    }

    public HubSpotDailyLimitException(string message)
        : base(message)
    {
    }

    public HubSpotDailyLimitException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal HubSpotDailyLimitException(HubSpotErrorDetails details)
        : base(details)
    {
    }
}
