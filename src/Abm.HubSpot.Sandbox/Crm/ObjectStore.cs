using Abm.HubSpot.Sandbox.Persistence;
using Abm.HubSpot.Sandbox.Search.Indexes;

namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>
/// The records of one object type in one portal, kept in id order so that list paging is a binary
/// search. Contacts also keep an index of their unique email, and every type keeps the search indexes that
/// have been asked for so far. As its records' observer it passes their changes on to the search indexes and notes
/// which records the data file has yet to save. Used only under the portal's lock.
/// </summary>
internal sealed class ObjectStore : IRecordObserver
{
    private readonly List<CrmRecord> _ordered = [];
    private readonly Dictionary<long, CrmRecord> _byId = [];
    private readonly Dictionary<string, long> _byEmail = new(StringComparer.OrdinalIgnoreCase);

    public ObjectStore(CrmObjectType type)
    {
        Type = type;
        SearchIndexes = new SearchIndexes(_ordered);
    }

    public CrmObjectType Type { get; }

    public IReadOnlyList<CrmRecord> Ordered => _ordered;

    public SearchIndexes SearchIndexes { get; }

    /// <summary>Ids of the records added or changed since the data file last saved them.</summary>
    public UnsavedKeys Unsaved { get; } = new();

    public CrmRecord? Find(long id) => _byId.GetValueOrDefault(id);

    public CrmRecord? FindActive(long id) => Find(id) is { Archived: false } record ? record : null;

    public CrmRecord? FindByEmail(string email) =>
        _byEmail.TryGetValue(email, out var id) ? FindActive(id) : null;

    public void Add(CrmRecord record)
    {
        if (_ordered.Count > 0 && _ordered[^1].Id >= record.Id)
        {
            throw new InvalidOperationException("Record ids must be added in ascending order.");
        }

        _ordered.Add(record);
        _byId.Add(record.Id, record);
        IndexEmail(record, null);
        record.Observer = this;
        SearchIndexes.Added(record);
        Unsaved.Mark(record.Id);
    }

    /// <summary>Index of the first record whose id is greater than <paramref name="afterId"/>.</summary>
    public int IndexAfter(long afterId)
    {
        int low = 0, high = _ordered.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_ordered[mid].Id <= afterId)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>Keeps the email index right after a record's email changed or it was (un)archived.</summary>
    public void IndexEmail(CrmRecord record, string? previousEmail)
    {
        if (Type != CrmObjectTypes.Contacts)
        {
            return;
        }

        if (previousEmail is not null && _byEmail.TryGetValue(previousEmail, out var owner) && owner == record.Id)
        {
            _byEmail.Remove(previousEmail);
        }

        var email = record.Get("email");
        if (!record.Archived && !string.IsNullOrEmpty(email))
        {
            _byEmail[email] = record.Id;
        }
    }

    void IRecordObserver.PropertyChanged(CrmRecord record, string name, string? previous, string? current)
    {
        SearchIndexes.PropertyChanged(record, name, previous, current);
        Unsaved.Mark(record.Id);
    }

    void IRecordObserver.ArchivedChanged(CrmRecord record)
    {
        SearchIndexes.ArchivedChanged(record);
        Unsaved.Mark(record.Id);
    }

    void IRecordObserver.SearchVisibilityChanged(CrmRecord record)
    {
        SearchIndexes.SearchVisibilityChanged(record);
        Unsaved.Mark(record.Id);
    }

    void IRecordObserver.StampsChanged(CrmRecord record) => Unsaved.Mark(record.Id);
}
