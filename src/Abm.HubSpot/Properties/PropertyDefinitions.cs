namespace Abm.HubSpot.Properties;

/// <summary>One choice of an enumeration property; records store its <see cref="Value"/>.</summary>
public sealed record PropertyOption(string Label, string Value, bool Hidden = false);

/// <summary>A group that properties are filed under in HubSpot's settings, e.g. <c>abm_engine</c>.</summary>
public sealed record PropertyGroup(string Name, string Label);

/// <summary>
/// A CRM property definition. <see cref="Type"/> and <see cref="FieldType"/> must be a pair HubSpot accepts
/// (bool/booleancheckbox, enumeration/select|radio|checkbox|booleancheckbox, date|datetime/date,
/// string/text|textarea, number/number); enumerations need <see cref="Options"/>.
/// </summary>
public sealed record PropertyDefinition
{
    public required string Name { get; init; }

    public required string Label { get; init; }

    public required string Type { get; init; }

    public required string FieldType { get; init; }

    public required string GroupName { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<PropertyOption>? Options { get; init; }

    /// <summary>Set by HubSpot on read: true for the properties HubSpot itself defines.</summary>
    public bool HubspotDefined { get; init; }

    /// <summary>Set by HubSpot on read (<c>modificationMetadata.readOnlyValue</c>): HubSpot computes the value, writes are refused.</summary>
    public bool ReadOnlyValue { get; init; }

    /// <summary>Set by HubSpot on read: the options come from elsewhere (the portal's owners for <c>hubspot_owner_id</c>), not from <see cref="Options"/>.</summary>
    public bool ExternalOptions { get; init; }
}

/// <summary>
/// What <see cref="PropertiesClient.EnsureAsync"/> did: the group and the property names it created, and
/// the property names that were already there (left exactly as they were).
/// </summary>
public sealed record PropertyEnsureResult(bool GroupCreated, IReadOnlyList<string> Created, IReadOnlyList<string> AlreadyPresent);
