namespace Abm.HubSpot.Properties;

// The create body: only the fields HubSpot accepts on create (HubspotDefined is read-only, so it is left out).
internal sealed record PropertyCreateDto(
    string Name,
    string Label,
    string Type,
    string FieldType,
    string GroupName,
    string? Description,
    IReadOnlyList<PropertyOption>? Options)
{
    public static PropertyCreateDto From(PropertyDefinition property) => new(
        property.Name, property.Label, property.Type, property.FieldType, property.GroupName, property.Description, property.Options);
}
