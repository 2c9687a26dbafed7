using System.Globalization;
using System.Text.Json;
using Abm.Server.Errors;

namespace Abm.Server.Features.HubSpotRecords;

/// <summary>
/// The checks of a write body that need nothing from HubSpot: property names and value kinds, what a create must
/// carry, and the associations (create only; known types; HubSpot ids). Problems are keyed <c>properties.name</c>,
/// <c>associations.type</c>, so one 400 lists all of them.
/// </summary>
internal static class RecordRequestShape
{
    public const int MaxProperties = 200;
    public const int MaxAssociationsPerType = 100;

    public static (Dictionary<string, string?> Properties, Dictionary<string, IReadOnlyList<string>> Associations) Read(
        CrmRecordKind kind, RecordWriteRequest? request, bool isCreate, IDictionary<string, string[]> errors)
    {
        var properties = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (request?.Properties is not { Count: > 0 } given)
        {
            errors["properties"] = [isCreate ? "Give the new record's properties, e.g. {\"properties\": {...}}." : "Give at least one property to change."];
            return (properties, []);
        }

        if (given.Count > MaxProperties)
        {
            errors["properties"] = [$"At most {MaxProperties} properties in one write."];
            return (properties, []);
        }

        foreach (var (name, value) in given)
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || ControlCharacters.Problem("name", name) is not null)
            {
                errors["properties"] = ["Property names are HubSpot's internal names (at most 100 characters, no control characters)."];
                continue;
            }

            properties[name] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => "",
                _ => Fail(errors, $"properties.{name}", "A value is text, a number, true, false or null (null clears it)."),
            };
        }

        if (isCreate)
        {
            foreach (var anyOf in kind.RequiredOnCreate.Where(names => names.All(n => string.IsNullOrWhiteSpace(properties.GetValueOrDefault(n)))))
            {
                errors[$"properties.{anyOf[0]}"] = [$"A new {kind.Singular} needs {string.Join(" or ", anyOf)}."];
            }
        }

        return (properties, ReadAssociations(kind, request.Associations, isCreate, errors));
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadAssociations(CrmRecordKind kind, Dictionary<string, List<string>>? given, bool isCreate, IDictionary<string, string[]> errors)
    {
        var associations = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (given is not { Count: > 0 })
        {
            return associations;
        }

        if (!isCreate)
        {
            errors["associations"] = ["Associations are set when a record is created; an update changes properties only."];
            return associations;
        }

        foreach (var (type, ids) in given)
        {
            if (!kind.Associations.ContainsKey(type))
            {
                errors[$"associations.{type}"] = [$"A {kind.Singular} is associated with: {string.Join(", ", kind.Associations.Keys)}."];
            }
            else if (ids is null || ids.Count > MaxAssociationsPerType || ids.Any(id => !IsHubSpotId(id)))
            {
                errors[$"associations.{type}"] = [$"A list of at most {MaxAssociationsPerType} HubSpot record ids (digits)."];
            }
            else
            {
                associations[type] = ids;
            }
        }

        return associations;
    }

    public static bool IsHubSpotId(string? id) =>
        id is { Length: > 0 and <= 20 } && id.All(char.IsAsciiDigit) && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static string? Fail(IDictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return null;
    }
}
