using System.Globalization;
using Abm.HubSpot.Properties;

namespace Abm.Server.Features.HubSpotRecords;

/// <summary>
/// Whether a value fits a property's definition as HubSpot would judge it: numbers, booleans, dates (midnight UTC),
/// datetimes (ISO 8601 with an offset, or epoch milliseconds) and enumeration options. Text is left to HubSpot.
/// A date alone (yyyy-MM-dd) is midnight UTC for both. Returns the value as it is sent (booleans in lower case), or the problem in words.
/// </summary>
internal static class PropertyValueCheck
{
    private const int OptionsNamed = 20;

    public static (string? Value, string? Problem) Check(PropertyDefinition definition, string value)
    {
        if (value.Length == 0)
        {
            return (value, null); // clears the property, whatever its type
        }

        return definition.Type switch
        {
            "number" => decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? (value, null) : (null, $"{definition.Name} is a number; '{Short(value)}' is not."),
            "bool" => bool.TryParse(value, out var flag) ? (flag ? "true" : "false", null) : (null, $"{definition.Name} is true or false; '{Short(value)}' is neither."),
            "date" => IsMidnight(value) ? (value, null) : (null, $"{definition.Name} is a date: yyyy-MM-dd, or a moment at midnight UTC."),
            "datetime" => IsDate(value) || Moment(value) is not null ? (value, null) : (null, $"{definition.Name} is a moment: ISO 8601 with its offset (2026-12-01T09:30:00Z), a date (midnight UTC) or epoch milliseconds."),
            "enumeration" => Option(definition, value),
            _ => (value, null),
        };
    }

    private static (string? Value, string? Problem) Option(PropertyDefinition definition, string value)
    {
        // Owner ids and other external options are not listed in the definition; HubSpot checks those.
        if (definition.ExternalOptions || definition.Options is not { Count: > 0 } options)
        {
            return (value, null);
        }

        var allowed = options.Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
        return value.Split(';').FirstOrDefault(v => !allowed.Contains(v)) is { } wrong
            ? (null, $"'{Short(wrong)}' is not an option of {definition.Name}: {string.Join(", ", allowed.Take(OptionsNamed))}{(allowed.Count > OptionsNamed ? ", ..." : "")}.")
            : (value, null);
    }

    private static bool IsMidnight(string value) => IsDate(value) || Moment(value) is { } moment && moment.UtcDateTime.TimeOfDay == TimeSpan.Zero;

    private static bool IsDate(string value) => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static DateTimeOffset? Moment(string value)
    {
        if (value.All(char.IsAsciiDigit) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var epochMs) && epochMs <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(epochMs);
        }

        // An offset (or Z) is required: a moment without one means a different instant on every server.
        var hasOffset = value.EndsWith('Z') || value.EndsWith('z') || (value.Length > 19 && value[19..].Contains('+', StringComparison.Ordinal)) || (value.Length > 19 && value[19..].Contains('-', StringComparison.Ordinal));
        return hasOffset && value.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) ? moment : null;
    }

    private static string Short(string value) => value.Length > 60 ? value[..60] + "..." : value;
}
