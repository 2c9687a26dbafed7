using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Search.Indexes;

/// <summary>Records grouped under keys, a record under as many keys as its value yields; the base of the hash indexes.</summary>
internal sealed class RecordSets(StringComparer comparer)
{
    private static readonly HashSet<CrmRecord> None = [];

    private readonly Dictionary<string, HashSet<CrmRecord>> _sets = new(comparer);

    public event Action<string>? KeyAdded;

    public event Action<string>? KeyRemoved;

    public IReadOnlyCollection<CrmRecord> Under(string key) => _sets.GetValueOrDefault(key) ?? None;

    public void Add(string key, CrmRecord record)
    {
        if (!_sets.TryGetValue(key, out var set))
        {
            _sets[key] = set = [];
            KeyAdded?.Invoke(key);
        }

        set.Add(record);
    }

    public void Remove(string key, CrmRecord record)
    {
        if (_sets.TryGetValue(key, out var set) && set.Remove(record) && set.Count == 0)
        {
            _sets.Remove(key);
            KeyRemoved?.Invoke(key);
        }
    }
}
