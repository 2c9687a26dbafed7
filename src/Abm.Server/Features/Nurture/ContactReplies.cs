using System.Globalization;
using Abm.Server.Features.Sync;

namespace Abm.Server.Features.Nurture;

/// <summary>
/// Whether a contact replied to an email: HubSpot stamps the latest reply it logged from the contact on
/// <c>hs_sales_email_last_replied</c>, which sync keeps with the contact's properties. The <c>reply</c> goal reads it.
/// </summary>
internal static class ContactReplies
{
    public const string LastRepliedProperty = "hs_sales_email_last_replied";

    /// <summary>When the contact last replied, or null when HubSpot has logged no reply (or the value does not read).</summary>
    public static DateTime? LastRepliedAt(string propertiesJson)
    {
        var text = StoredProperties.Get(propertiesJson, LastRepliedProperty);
        // HubSpot writes datetimes as ISO 8601, and some older values as epoch milliseconds.
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epochMs) ? DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.UtcDateTime
            : null;
    }
}
