using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Persistence.Sections;

/// <summary>Every CRM record of every type, archived ones and search's lagging view included.</summary>
internal sealed class RecordsSection : IPortalSection
{
    public string Name => "records";

    public string Save(PortalState state) => StoredJson.Write(
        state.Stores.Values.SelectMany(store => store.Ordered).Select(r => new StoredRecord(
            r.Type.Name, r.Id, r.CreatedAt, r.UpdatedAt, r.Archived, r.ArchivedAt, r.SearchVisibleAt,
            new Dictionary<string, string?>(r.Properties, StringComparer.Ordinal), r.SearchSnapshot)).ToList());

    public void Load(PortalState state, string data)
    {
        // Saved in id order per type, which is the order each store requires.
        foreach (var stored in StoredJson.Read<List<StoredRecord>>(data))
        {
            var type = CrmObjectTypes.Find(stored.Type) ?? throw new InvalidDataException($"Unknown object type '{stored.Type}' in the data file.");
            var record = new CrmRecord(stored.Id, type, stored.CreatedAt)
            {
                UpdatedAt = stored.UpdatedAt,
                Archived = stored.Archived,
                ArchivedAt = stored.ArchivedAt,
                SearchSnapshot = stored.SearchSnapshot,
                SearchVisibleAt = stored.SearchVisibleAt,
            };
            foreach (var (name, value) in stored.Properties)
            {
                record.Properties[name] = value;
            }

            state.Stores[type].Add(record);
        }
    }

    private sealed record StoredRecord(
        string Type,
        long Id,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt,
        bool Archived,
        DateTimeOffset? ArchivedAt,
        DateTimeOffset SearchVisibleAt,
        Dictionary<string, string?> Properties,
        Dictionary<string, string?>? SearchSnapshot);
}
