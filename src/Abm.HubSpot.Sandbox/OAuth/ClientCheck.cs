using Abm.HubSpot.Sandbox.Hosting;

namespace Abm.HubSpot.Sandbox.OAuth;

/// <summary>Checks the app credentials sent to the token and introspection endpoints.</summary>
internal static class ClientCheck
{
    public static OAuthError? Verify(DeveloperApp app, string? clientId, string? clientSecret)
    {
        if (!string.Equals(clientId, app.ClientId, StringComparison.Ordinal))
        {
            return OAuthError.BadClientId;
        }

        return string.Equals(clientSecret, app.ClientSecret, StringComparison.Ordinal) ? null : OAuthError.BadClientSecret;
    }
}
