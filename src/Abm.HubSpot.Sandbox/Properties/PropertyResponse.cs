using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Properties;

internal sealed record ModificationMetadata(bool Archivable, bool ReadOnlyDefinition, bool ReadOnlyValue);

/// <summary>A property as the properties API returns it.</summary>
internal sealed record PropertyResponse(
    string Name, string Label, string Type, string FieldType, string Description, string GroupName,
    IReadOnlyList<PropertyOption> Options, int DisplayOrder, bool Calculated, bool ExternalOptions,
    bool HasUniqueValue, bool Hidden, bool HubspotDefined, ModificationMetadata ModificationMetadata,
    bool FormField, string CreatedAt, string UpdatedAt, bool Archived)
{
    public static PropertyResponse Of(PropertyDefinition p) => new(
        p.Name, p.Label, p.Type, p.FieldType, p.Description, p.GroupName, p.Options, -1, false, p.ExternalOptions,
        p.HasUniqueValue, false, p.HubspotDefined, new ModificationMetadata(!p.HubspotDefined, p.HubspotDefined, p.ReadOnlyValue),
        !p.ReadOnlyValue, HubSpotTime.Format(p.CreatedAt), HubSpotTime.Format(p.UpdatedAt), false);
}

internal sealed record PropertyGroupResponse(string Name, string Label, int DisplayOrder, bool Archived)
{
    public static PropertyGroupResponse Of(PropertyGroup g) => new(g.Name, g.Label, g.DisplayOrder, false);
}
