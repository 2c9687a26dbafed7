using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Portals;
using Abm.HubSpot.Sandbox.Properties;

namespace Abm.HubSpot.Sandbox.Persistence.Sections;

/// <summary>The properties and property groups of every type, HubSpot-defined and custom alike, one document.</summary>
internal sealed class PropertySchemasSection : IPortalSection
{
    public string Name => "propertySchemas";

    public void Save(PortalState state, SectionRows rows) => rows.Document(StoredJson.Write(
        state.Schemas.Select(s => new StoredSchema(s.Key.Name, s.Value.Properties.ToList(), s.Value.Groups.ToList())).ToList()));

    public void Load(PortalState state, IEnumerable<StoredRow> rows)
    {
        foreach (var stored in rows.SelectMany(row => StoredJson.Read<List<StoredSchema>>(row.Data)))
        {
            var schema = state.Schemas[CrmObjectTypes.Find(stored.Type) ?? throw new InvalidDataException($"Unknown object type '{stored.Type}' in the data file.")];
            // Cleared rather than emptied one by one: a dictionary reuses removed slots, which would list them in another order.
            schema.Clear();
            stored.Properties.ForEach(schema.Put);
            stored.Groups.ForEach(schema.PutGroup);
        }
    }

    private sealed record StoredSchema(string Type, List<PropertyDefinition> Properties, List<PropertyGroup> Groups);
}
