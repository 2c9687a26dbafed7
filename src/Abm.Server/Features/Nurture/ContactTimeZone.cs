using System.Globalization;
using Abm.Server.Features.Sync;

namespace Abm.Server.Features.Nurture;

/// <summary>
/// A contact's time zone: HubSpot's <c>hs_timezone</c> property spells IANA ids in lowercase with
/// <c>_slash_</c> for '/', e.g. <c>america_slash_new_york</c>. Unknown or missing: UTC.
/// </summary>
internal static class ContactTimeZone
{
    public static TimeZoneInfo FromProperties(string propertiesJson) =>
        StoredProperties.Get(propertiesJson, "hs_timezone") is { } value && TryFind(FromHubSpotSpelling(value), out var zone) ? zone : TimeZoneInfo.Utc;

    public static bool TryFind(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }

    private static string FromHubSpotSpelling(string value) =>
        string.Join('/', value.Split("_slash_").Select(part => string.Join('_', part.Split('_').Select(TitleCase))));

    private static string TitleCase(string word) => word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}
