using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Search.Indexes;

/// <summary>
/// The search indexes of one store. Each is built on the first search that can use it and from then on follows
/// every change the store's records report (the store passes them on), so it always reflects their current values. Archived records are
/// left out, as search leaves them out. Used only under the portal's lock.
/// </summary>
internal sealed class SearchIndexes(IReadOnlyList<CrmRecord> records)
{
    private readonly Dictionary<string, ValueIndex> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenIndex> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RangeIndex> _ranges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<IPropertyIndex>> _byProperty = new(StringComparer.Ordinal);

    // No record becomes visible to search later than this; it spares a pass over the records to find the
    // lagging ones while there are none, which is always the case without a visibility delay.
    private DateTimeOffset _latestVisibleAt = DateTimeOffset.MinValue;

    /// <summary>A set a search may fill and must leave empty, kept so that big result sets do not reallocate.</summary>
    public HashSet<CrmRecord> MatchScratch { get; } = [];

    public ValueIndex Values(string property) => Get(_values, property);

    public TokenIndex Tokens(string property) => Get(_tokens, property);

    public RangeIndex Ranges(string property) => Get(_ranges, property);

    /// <summary>
    /// Live records whose search view at <paramref name="now"/> is not their current values (written within the
    /// visibility delay), or null when there are more than <paramref name="limit"/>.
    /// </summary>
    public HashSet<CrmRecord>? LaggingAt(DateTimeOffset now, int limit)
    {
        var lagging = new HashSet<CrmRecord>();
        if (_latestVisibleAt <= now)
        {
            return lagging;
        }

        foreach (var record in records)
        {
            if (record.SearchVisibleAt > now && !record.Archived && lagging.Add(record) && lagging.Count > limit)
            {
                return null;
            }
        }

        return lagging;
    }

    public void Added(CrmRecord record)
    {
        SearchVisibilityChanged(record);
        if (!record.Archived)
        {
            Apply(record, add: true);
        }
    }

    public void PropertyChanged(CrmRecord record, string name, string? previous, string? current)
    {
        if (record.Archived || !_byProperty.TryGetValue(name, out var indexes))
        {
            return;
        }

        foreach (var index in indexes)
        {
            if (!string.IsNullOrEmpty(previous))
            {
                index.Remove(record, previous);
            }

            if (!string.IsNullOrEmpty(current))
            {
                index.Add(record, current);
            }
        }
    }

    public void ArchivedChanged(CrmRecord record) => Apply(record, add: !record.Archived);

    public void SearchVisibilityChanged(CrmRecord record)
    {
        if (record.SearchVisibleAt > _latestVisibleAt)
        {
            _latestVisibleAt = record.SearchVisibleAt;
        }
    }

    private void Apply(CrmRecord record, bool add)
    {
        foreach (var (name, indexes) in _byProperty)
        {
            if (record.Get(name) is { Length: > 0 } value)
            {
                foreach (var index in indexes)
                {
                    if (add)
                    {
                        index.Add(record, value);
                    }
                    else
                    {
                        index.Remove(record, value);
                    }
                }
            }
        }
    }

    private T Get<T>(Dictionary<string, T> built, string property)
        where T : IPropertyIndex, new()
    {
        if (built.TryGetValue(property, out var index))
        {
            return index;
        }

        index = new T();
        index.Fill(records.Where(r => !r.Archived && !string.IsNullOrEmpty(r.Get(property))).Select(r => (r, r.Get(property)!)));
        built[property] = index;
        if (!_byProperty.TryGetValue(property, out var indexes))
        {
            _byProperty[property] = indexes = [];
        }

        indexes.Add(index);
        return index;
    }
}
