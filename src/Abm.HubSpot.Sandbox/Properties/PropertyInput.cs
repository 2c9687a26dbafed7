using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Properties;

/// <summary>Parses and checks a property definition sent to create or update a property.</summary>
internal static partial class PropertyInput
{
    private static readonly string[] RequiredFields = ["name", "label", "type", "fieldType", "groupName"];

    public static (PropertyDefinition? Property, HubSpotError? Error) ParseCreate(JsonNode? node, PropertySchema schema, DateTimeOffset now)
    {
        if (node is not JsonObject body)
        {
            return (null, HubSpotErrors.Validation("Invalid input JSON: expected a property object"));
        }

        var missing = RequiredFields.Where(f => string.IsNullOrWhiteSpace(JsonBody.StringOf(body[f]))).ToList();
        if (missing.Count > 0)
        {
            return (null, HubSpotErrors.Validation(
                $"Property definition is missing required fields: {string.Join(", ", missing)}",
                missing.Select(f => new HubSpotErrorDetail($"{f} is required", "REQUIRED_FIELD", new Dictionary<string, IReadOnlyList<string>> { ["field"] = [f] })).ToList()));
        }

        var name = JsonBody.StringOf(body["name"])!;
        if (!NameShape().IsMatch(name))
        {
            return (null, HubSpotErrors.Validation($"Property name '{name}' must start with a lowercase letter and contain only lowercase letters, digits and underscores"));
        }

        var property = new PropertyDefinition
        {
            Name = name,
            Label = JsonBody.StringOf(body["label"])!,
            Type = JsonBody.StringOf(body["type"])!,
            FieldType = JsonBody.StringOf(body["fieldType"])!,
            GroupName = JsonBody.StringOf(body["groupName"])!,
            Description = JsonBody.StringOf(body["description"]) ?? "",
            Options = ParseOptions(body["options"]),
            HasUniqueValue = JsonBody.StringOf(body["hasUniqueValue"]) == "true",
            CreatedAt = now,
            UpdatedAt = now,
        };
        return (property, Check(property, schema));
    }

    /// <summary>Applies the fields present in a PATCH body to an existing definition.</summary>
    public static (PropertyDefinition? Property, HubSpotError? Error) ParseUpdate(JsonObject body, PropertyDefinition existing, PropertySchema schema, DateTimeOffset now)
    {
        var updated = existing with
        {
            Label = JsonBody.StringOf(body["label"]) ?? existing.Label,
            Type = JsonBody.StringOf(body["type"]) ?? existing.Type,
            FieldType = JsonBody.StringOf(body["fieldType"]) ?? existing.FieldType,
            GroupName = JsonBody.StringOf(body["groupName"]) ?? existing.GroupName,
            Description = JsonBody.StringOf(body["description"]) ?? existing.Description,
            Options = body["options"] is null ? existing.Options : ParseOptions(body["options"]),
            UpdatedAt = now,
        };
        return (updated, Check(updated, schema));
    }

    private static HubSpotError? Check(PropertyDefinition property, PropertySchema schema)
    {
        if (!PropertyTypes.IsKnownType(property.Type))
        {
            return HubSpotErrors.Validation($"Invalid type '{property.Type}'; expected one of {string.Join(", ", PropertyTypes.Types)}");
        }

        if (!PropertyTypes.IsValidPair(property.Type, property.FieldType))
        {
            return HubSpotErrors.Validation($"fieldType '{property.FieldType}' is not valid for type '{property.Type}'; expected one of {string.Join(", ", PropertyTypes.FieldTypesOf(property.Type))}");
        }

        if (schema.FindGroup(property.GroupName) is null)
        {
            return HubSpotErrors.Validation($"Property group '{property.GroupName}' does not exist");
        }

        if (property.Type == "enumeration" && property.FieldType != "booleancheckbox" && property.Options.Count == 0)
        {
            return HubSpotErrors.Validation($"Enumeration property '{property.Name}' needs options");
        }

        var duplicate = property.Options.GroupBy(o => o.Value, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? null : HubSpotErrors.Validation($"Option value '{duplicate.Key}' is used more than once");
    }

    private static List<PropertyOption> ParseOptions(JsonNode? node) =>
        (node as JsonArray ?? []).Select((option, index) => new PropertyOption(
            JsonBody.StringOf(option?["label"]) ?? JsonBody.StringOf(option?["value"]) ?? "",
            JsonBody.StringOf(option?["value"]) ?? "",
            JsonBody.StringOf(option?["hidden"]) == "true",
            JsonBody.IntOf(option?["displayOrder"]) ?? index)).ToList();

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex NameShape();
}
