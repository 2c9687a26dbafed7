namespace Abm.HubSpot.Properties;

// Wire shapes of the properties API.

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

internal sealed record PropertyListDto<T>(List<T>? Results);

// Read shapes: every field optional, so a sparse answer maps to empty text instead of failing to parse
// (required members would make the serializer reject it, and the transport retry it as unreadable).
internal sealed record PropertyDto(
    string? Name, string? Label, string? Type, string? FieldType, string? GroupName, string? Description, List<PropertyOption>? Options, bool HubspotDefined,
    bool ExternalOptions, ModificationMetadataDto? ModificationMetadata)
{
    public PropertyDefinition ToDefinition() => new()
    {
        Name = Name ?? "",
        Label = Label ?? "",
        Type = Type ?? "",
        FieldType = FieldType ?? "",
        GroupName = GroupName ?? "",
        Description = Description,
        Options = Options ?? [],
        HubspotDefined = HubspotDefined,
        ReadOnlyValue = ModificationMetadata?.ReadOnlyValue ?? false,
        ExternalOptions = ExternalOptions,
    };
}

internal sealed record ModificationMetadataDto(bool? ReadOnlyValue);

internal sealed record PropertyGroupDto(string? Name, string? Label)
{
    public PropertyGroup ToGroup() => new(Name ?? "", Label ?? "");
}
