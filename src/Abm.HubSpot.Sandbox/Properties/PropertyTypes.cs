namespace Abm.HubSpot.Sandbox.Properties;

/// <summary>The type/fieldType pairs HubSpot accepts when a property is created.</summary>
internal static class PropertyTypes
{
    private static readonly Dictionary<string, string[]> FieldTypesByType = new(StringComparer.Ordinal)
    {
        ["bool"] = ["booleancheckbox"],
        ["enumeration"] = ["select", "radio", "checkbox", "booleancheckbox"],
        ["date"] = ["date"],
        ["datetime"] = ["date"],
        ["string"] = ["text", "textarea", "file", "html", "phonenumber"],
        ["number"] = ["number", "calculation_equation"],
        ["phone_number"] = ["phonenumber"],
    };

    public static bool IsKnownType(string type) => FieldTypesByType.ContainsKey(type);

    public static bool IsValidPair(string type, string fieldType) =>
        FieldTypesByType.TryGetValue(type, out var fieldTypes) && fieldTypes.Contains(fieldType);

    public static IReadOnlyCollection<string> FieldTypesOf(string type) =>
        FieldTypesByType.TryGetValue(type, out var fieldTypes) ? fieldTypes : [];

    public static IReadOnlyCollection<string> Types => FieldTypesByType.Keys;
}
