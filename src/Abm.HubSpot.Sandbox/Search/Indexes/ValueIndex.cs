using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Search.Indexes;

/// <summary>
/// Text equality (EQ and IN with values that are neither numbers nor dates): records under their whole value
/// and, for multi-select values, under each option, compared case-insensitively as the filter does.
/// </summary>
internal sealed class ValueIndex : IPropertyIndex
{
    private readonly RecordSets _sets = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<CrmRecord> Equal(string text) => _sets.Under(text);

    public void Add(CrmRecord record, string value)
    {
        foreach (var key in KeysOf(value))
        {
            _sets.Add(key, record);
        }
    }

    public void Remove(CrmRecord record, string value)
    {
        foreach (var key in KeysOf(value))
        {
            _sets.Remove(key, record);
        }
    }

    private static IEnumerable<string> KeysOf(string value) =>
        value.Contains(';', StringComparison.Ordinal) ? value.Split(';').Append(value) : [value];
}
