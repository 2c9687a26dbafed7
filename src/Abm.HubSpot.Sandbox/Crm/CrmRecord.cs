namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>A stored CRM object. Mutated only under its portal's lock.</summary>
internal sealed class CrmRecord(long id, CrmObjectType type, DateTimeOffset createdAt)
{
    public long Id { get; } = id;

    public CrmObjectType Type { get; } = type;

    public Dictionary<string, string?> Properties { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public bool Archived { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>
    /// What search sees until <see cref="SearchVisibleAt"/>: the properties before the latest write, or
    /// null when the record did not exist in search yet. HubSpot's search index lags behind writes.
    /// </summary>
    public Dictionary<string, string?>? SearchSnapshot { get; set; }

    public DateTimeOffset SearchVisibleAt { get; set; } = createdAt;

    public string? Get(string property) => Properties.GetValueOrDefault(property);

    /// <summary>The properties search may use at <paramref name="now"/>, or null when not yet indexed.</summary>
    public IReadOnlyDictionary<string, string?>? SearchView(DateTimeOffset now) =>
        now >= SearchVisibleAt ? Properties : SearchSnapshot;
}
