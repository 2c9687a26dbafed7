using System.Globalization;
using System.Text.RegularExpressions;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Properties;

/// <summary>
/// Checks written values against the portal's property definitions (existence, read-only, type,
/// enumeration options, date at midnight) and normalises them the way HubSpot stores them.
/// </summary>
internal static partial class PropertyValueValidator
{
    public static (Dictionary<string, string?> Values, List<PropertyProblem> Problems) Validate(
        PropertySchema schema, IReadOnlyDictionary<string, string?> input)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var problems = new List<PropertyProblem>();
        foreach (var (name, raw) in input)
        {
            var definition = schema.Find(name);
            if (definition is null)
            {
                problems.Add(new PropertyProblem(name, "PROPERTY_DOESNT_EXIST", $"Property \"{name}\" does not exist"));
                continue;
            }

            if (definition.ReadOnlyValue)
            {
                problems.Add(new PropertyProblem(name, "READ_ONLY_VALUE", $"{name} is a read only property; its value cannot be set."));
                continue;
            }

            // An empty value clears the property, whatever its type.
            if (string.IsNullOrEmpty(raw))
            {
                values[name] = null;
                continue;
            }

            var (normalized, problem) = Normalize(definition, raw.Trim());
            if (problem is not null)
            {
                problems.Add(problem);
            }
            else
            {
                values[name] = normalized;
            }
        }

        return (values, problems);
    }

    private static (string? Value, PropertyProblem? Problem) Normalize(PropertyDefinition definition, string value)
    {
        var name = definition.Name;
        switch (definition.Type)
        {
            case "number":
                return decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                    ? (value, null)
                    : (null, new PropertyProblem(name, "INVALID_DECIMAL", $"{value} was not a valid number."));
            case "bool":
                return bool.TryParse(value, out var flag)
                    ? (flag ? "true" : "false", null)
                    : (null, new PropertyProblem(name, "INVALID_BOOLEAN", $"{value} was not a valid boolean. Expected true or false."));
            case "datetime":
                return HubSpotTime.TryParse(value, out var moment)
                    ? (HubSpotTime.Format(moment), null)
                    : (null, new PropertyProblem(name, "INVALID_DATE", $"{value} was not a valid long or ISO 8601 datetime."));
            case "date":
                return NormalizeDate(name, value);
            case "enumeration":
                return NormalizeEnumeration(definition, value);
            default:
                if (name == "email")
                {
                    return EmailShape().IsMatch(value)
                        ? (value.ToLowerInvariant(), null)
                        : (null, new PropertyProblem(name, "INVALID_EMAIL", $"Email address {value} is invalid"));
                }

                return (value, null);
        }
    }

    private static (string? Value, PropertyProblem? Problem) NormalizeDate(string name, string value)
    {
        if (!HubSpotTime.TryParse(value, out var date))
        {
            return (null, new PropertyProblem(name, "INVALID_DATE", $"{value} was not a valid long or ISO 8601 date."));
        }

        return date.UtcDateTime.TimeOfDay == TimeSpan.Zero
            ? (HubSpotTime.FormatDate(date), null)
            : (null, new PropertyProblem(name, "INVALID_DATE", $"{value} is at {date.UtcDateTime:H:m:s.f} UTC, not midnight!"));
    }

    private static (string? Value, PropertyProblem? Problem) NormalizeEnumeration(PropertyDefinition definition, string value)
    {
        if (definition.ExternalOptions)
        {
            // Owner ids: HubSpot wants the owner id, a number.
            return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                ? (value, null)
                : (null, new PropertyProblem(definition.Name, "INVALID_OPTION", $"{value} was not a valid owner id."));
        }

        var allowed = definition.Options.Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
        var invalid = value.Split(';').FirstOrDefault(v => !allowed.Contains(v));
        return invalid is null
            ? (value, null)
            : (null, new PropertyProblem(definition.Name, "INVALID_OPTION", $"{invalid} was not one of the allowed options: [{string.Join(", ", allowed)}]"));
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();
}
