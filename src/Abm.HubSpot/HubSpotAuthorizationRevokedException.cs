namespace Abm.HubSpot;

/// <summary>
/// The OAuth refresh token was refused with <c>invalid_grant</c>: the app was uninstalled or access was
/// revoked. The connection must be marked disconnected and authorized again; retrying cannot help.
/// </summary>
public sealed class HubSpotAuthorizationRevokedException : HubSpotAuthenticationException
{
    public HubSpotAuthorizationRevokedException()
    {
    }

    public HubSpotAuthorizationRevokedException(string message)
        : base(message)
    {
    }

    public HubSpotAuthorizationRevokedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal HubSpotAuthorizationRevokedException(HubSpotErrorDetails details)
        : base(details)
    {
    }
}
