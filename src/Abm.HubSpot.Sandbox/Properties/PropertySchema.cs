namespace Abm.HubSpot.Sandbox.Properties;

/// <summary>The properties and groups of one object type in one portal. Used under the portal's lock.</summary>
internal sealed class PropertySchema
{
    private readonly Dictionary<string, PropertyDefinition> _properties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PropertyGroup> _groups = new(StringComparer.Ordinal);

    public IEnumerable<PropertyDefinition> Properties => _properties.Values;

    public IEnumerable<PropertyGroup> Groups => _groups.Values;

    public PropertyDefinition? Find(string name) => _properties.GetValueOrDefault(name);

    public PropertyGroup? FindGroup(string name) => _groups.GetValueOrDefault(name);

    public void Put(PropertyDefinition property) => _properties[property.Name] = property;

    public bool Remove(string name) => _properties.Remove(name);

    public void PutGroup(PropertyGroup group) => _groups[group.Name] = group;

    public bool RemoveGroup(string name) => _groups.Remove(name);

    /// <summary>Empties the schema, so that properties put back afterwards list in the order they are put.</summary>
    public void Clear()
    {
        _properties.Clear();
        _groups.Clear();
    }
}
