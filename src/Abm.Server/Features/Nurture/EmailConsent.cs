using Abm.Server.Features.Sync;

namespace Abm.Server.Features.Nurture;

/// <summary>
/// Whether a contact may be emailed from what the workspace knows locally: it needs an address, and HubSpot's
/// <c>hs_email_optout</c> (opted out of all email) must not be true. The worker also asks HubSpot's subscription
/// status right before each send, since an unsubscribe may be newer than the last sync.
/// </summary>
internal static class EmailConsent
{
    public const string OptOutProperty = "hs_email_optout";

    /// <summary>Why the contact cannot be emailed, or null when it can.</summary>
    public static string? Refusal(string? email, string propertiesJson)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return "The contact has no email address.";
        }

        return OptedOut(propertiesJson) ? "The contact opted out of email (hs_email_optout)." : null;
    }

    public static bool OptedOut(string propertiesJson) =>
        string.Equals(StoredProperties.Get(propertiesJson, OptOutProperty), "true", StringComparison.OrdinalIgnoreCase);
}
