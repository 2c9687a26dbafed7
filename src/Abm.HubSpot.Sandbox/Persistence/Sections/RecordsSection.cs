using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Persistence.Sections;

/// <summary>
/// Every CRM record of every type, archived ones and search's lagging view included: one row per record keyed by its
/// id (unique across types in a portal); a save writes the records their store marked as changed.
/// </summary>
internal sealed class RecordsSection : IPortalSection
{
    public string Name => "records";

    public void Save(PortalState state, SectionRows rows)
    {
        foreach (var store in state.Stores.Values)
        {
            var changed = store.Unsaved.Take();
            var records = rows.Everything ? store.Ordered : changed.Select(id => store.Find(id)!);
            foreach (var record in records)
            {
                rows.Put(record.Id, StoredJson.Write(new StoredRecord(
                    record.Type.Name, record.CreatedAt, record.UpdatedAt, record.Archived, record.ArchivedAt, record.SearchVisibleAt,
                    new Dictionary<string, string?>(record.Properties, StringComparer.Ordinal), record.SearchSnapshot, record.Purged)));
            }
        }
    }

    public void Load(PortalState state, IEnumerable<StoredRow> rows)
    {
        // Rows come in id order, which is the order each store requires.
        foreach (var row in rows)
        {
            var stored = StoredJson.Read<StoredRecord>(row.Data);
            var type = CrmObjectTypes.Find(stored.Type) ?? throw new InvalidDataException($"Unknown object type '{stored.Type}' in the data file.");
            var record = new CrmRecord(row.Key, type, stored.CreatedAt)
            {
                UpdatedAt = stored.UpdatedAt,
                Archived = stored.Archived,
                ArchivedAt = stored.ArchivedAt,
                SearchSnapshot = stored.SearchSnapshot,
                SearchVisibleAt = stored.SearchVisibleAt,
                Purged = stored.Purged,
            };
            foreach (var (name, value) in stored.Properties)
            {
                record.Properties[name] = value;
            }

            state.Stores[type].Add(record);
        }

        foreach (var store in state.Stores.Values)
        {
            store.Unsaved.Clear();
        }
    }

    private sealed record StoredRecord(
        string Type,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt,
        bool Archived,
        DateTimeOffset? ArchivedAt,
        DateTimeOffset SearchVisibleAt,
        Dictionary<string, string?> Properties,
        Dictionary<string, string?>? SearchSnapshot,
        bool Purged = false);
}
