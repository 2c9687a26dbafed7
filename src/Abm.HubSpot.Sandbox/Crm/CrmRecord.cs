namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>A stored CRM object. Mutated only under its portal's lock.</summary>
internal sealed class CrmRecord
{
    private bool _archived;
    private bool _purged;
    private DateTimeOffset _searchVisibleAt;
    private DateTimeOffset _updatedAt;
    private DateTimeOffset? _archivedAt;
    private Dictionary<string, string?>? _searchSnapshot;

    public CrmRecord(long id, CrmObjectType type, DateTimeOffset createdAt)
    {
        Id = id;
        Type = type;
        CreatedAt = createdAt;
        _updatedAt = createdAt;
        _searchVisibleAt = createdAt;
        Properties = new RecordProperties(this);
    }

    public long Id { get; }

    public CrmObjectType Type { get; }

    public RecordProperties Properties { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset UpdatedAt
    {
        get => _updatedAt;
        set
        {
            _updatedAt = value;
            Observer?.StampsChanged(this);
        }
    }

    /// <summary>
    /// Deleted under GDPR: gone for good, so no read finds it, archived reads included. The row stays only so that
    /// ids keep their order; its properties are blanked.
    /// </summary>
    public bool Purged
    {
        get => _purged;
        set
        {
            _purged = value;
            Observer?.StampsChanged(this);
        }
    }

    public bool Archived
    {
        get => _archived;
        set
        {
            if (_archived != value)
            {
                _archived = value;
                Observer?.ArchivedChanged(this);
            }
        }
    }

    public DateTimeOffset? ArchivedAt
    {
        get => _archivedAt;
        set
        {
            _archivedAt = value;
            Observer?.StampsChanged(this);
        }
    }

    /// <summary>
    /// What search sees until <see cref="SearchVisibleAt"/>: the properties before the latest write, or
    /// null when the record did not exist in search yet. HubSpot's search index lags behind writes.
    /// </summary>
    public Dictionary<string, string?>? SearchSnapshot
    {
        get => _searchSnapshot;
        set
        {
            _searchSnapshot = value;
            Observer?.StampsChanged(this);
        }
    }

    public DateTimeOffset SearchVisibleAt
    {
        get => _searchVisibleAt;
        set
        {
            _searchVisibleAt = value;
            Observer?.SearchVisibilityChanged(this);
        }
    }

    /// <summary>The store the record lives in, once added; it keeps its indexes in step with every change.</summary>
    public IRecordObserver? Observer { get; set; }

    public string? Get(string property) => Properties.GetValueOrDefault(property);

    /// <summary>The properties search may use at <paramref name="now"/>, or null when not yet indexed.</summary>
    public IReadOnlyDictionary<string, string?>? SearchView(DateTimeOffset now) =>
        now >= SearchVisibleAt ? Properties : SearchSnapshot;
}
