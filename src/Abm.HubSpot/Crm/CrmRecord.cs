namespace Abm.HubSpot.Crm;

/// <summary>A reference to an associated record, as listed under a record's associations.</summary>
public sealed record AssociatedObject(string Id, string? Type);

/// <summary>
/// A CRM record (contact, company, deal, task, ...). Property values are HubSpot's strings; times are UTC.
/// <see cref="Associations"/> is keyed by the associated object type and filled only when asked for.
/// <see cref="IsNew"/> is set by upserts: true when the record was created.
/// </summary>
public sealed record CrmRecord(
    string Id,
    IReadOnlyDictionary<string, string?> Properties,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    bool Archived,
    IReadOnlyDictionary<string, IReadOnlyList<AssociatedObject>> Associations,
    bool? IsNew = null)
{
    /// <summary>A property's value, or null when absent or empty.</summary>
    public string? Get(string property) => Properties.TryGetValue(property, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}

/// <summary>One page of records and the opaque cursor of the next page (null on the last page).</summary>
public sealed record CrmPage(IReadOnlyList<CrmRecord> Results, string? After);

/// <summary>What to read with each record.</summary>
public sealed record CrmReadOptions
{
    /// <summary>Properties to return; null returns the object type's defaults.</summary>
    public IReadOnlyList<string>? Properties { get; init; }

    /// <summary>Associated object types whose ids to return with each record (lists and single reads only).</summary>
    public IReadOnlyList<string>? Associations { get; init; }

    /// <summary>Read archived (recycle bin) records instead of active ones.</summary>
    public bool Archived { get; init; }

    /// <summary>Records per page, 1 to 100.</summary>
    public int PageSize { get; init; } = 100;
}
