using System.Text.Json;

namespace Abm.Server.Features.Sync;

/// <summary>Reads one HubSpot property back from a record's stored properties (the JSON object of string to string sync keeps).</summary>
internal static class StoredProperties
{
    /// <summary>The property's value, or null when it is missing, not a string, or the document is not an object.</summary>
    public static string? Get(string propertiesJson, string name)
    {
        using var properties = JsonDocument.Parse(propertiesJson);
        return properties.RootElement.ValueKind == JsonValueKind.Object
            && properties.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
    }
}
