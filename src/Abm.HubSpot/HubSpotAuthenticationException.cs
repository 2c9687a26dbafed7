namespace Abm.HubSpot;

/// <summary>
/// HubSpot refused the credentials (401 that a token refresh cannot fix, e.g. a wrong or deleted private
/// app token). Never retried: the connection's credentials must be fixed.
/// </summary>
public class HubSpotAuthenticationException : HubSpotApiException
{
    public HubSpotAuthenticationException()
    {
    }

    public HubSpotAuthenticationException(string message)
        : base(message)
    {
    }

    public HubSpotAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal HubSpotAuthenticationException(HubSpotErrorDetails details)
        : base(details)
    {
    }
}
