using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Portals;
using Abm.HubSpot.Sandbox.Properties;

namespace Abm.HubSpot.Sandbox.Persistence.Sections;

/// <summary>The properties and property groups of every type, HubSpot-defined and custom alike.</summary>
internal sealed class PropertySchemasSection : IPortalSection
{
    public string Name => "propertySchemas";

    public string Save(PortalState state) => StoredJson.Write(
        state.Schemas.Select(s => new StoredSchema(s.Key.Name, s.Value.Properties.ToList(), s.Value.Groups.ToList())).ToList());

    public void Load(PortalState state, string data)
    {
        foreach (var stored in StoredJson.Read<List<StoredSchema>>(data))
        {
            var schema = state.Schemas[CrmObjectTypes.Find(stored.Type) ?? throw new InvalidDataException($"Unknown object type '{stored.Type}' in the data file.")];
            foreach (var name in schema.Properties.Select(p => p.Name).ToList())
            {
                schema.Remove(name);
            }

            foreach (var name in schema.Groups.Select(g => g.Name).ToList())
            {
                schema.RemoveGroup(name);
            }

            stored.Properties.ForEach(schema.Put);
            stored.Groups.ForEach(schema.PutGroup);
        }
    }

    private sealed record StoredSchema(string Type, List<PropertyDefinition> Properties, List<PropertyGroup> Groups);
}
