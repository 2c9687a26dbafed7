namespace Abm.HubSpot.Sandbox.Properties;

internal sealed record PropertyOption(string Label, string Value, bool Hidden = false, int DisplayOrder = 0);

/// <summary>A CRM property as HubSpot's properties API describes it.</summary>
internal sealed record PropertyDefinition
{
    public required string Name { get; init; }

    public required string Label { get; init; }

    public required string Type { get; init; }

    public required string FieldType { get; init; }

    public required string GroupName { get; init; }

    public string Description { get; init; } = "";

    public IReadOnlyList<PropertyOption> Options { get; init; } = [];

    public bool HasUniqueValue { get; init; }

    public bool HubspotDefined { get; init; }

    /// <summary>Maintained by HubSpot itself (ids, modification dates); writes are rejected.</summary>
    public bool ReadOnlyValue { get; init; }

    /// <summary>Options come from elsewhere (owners), so values are not checked against <see cref="Options"/>.</summary>
    public bool ExternalOptions { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

internal sealed record PropertyGroup(string Name, string Label, int DisplayOrder = -1);
