using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>
/// The property values of a record. Reads work like a dictionary; every write is reported to the record's
/// observer, so indexes stay right whichever code path changes a value.
/// </summary>
internal sealed class RecordProperties(CrmRecord owner) : IReadOnlyDictionary<string, string?>
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public int Count => _values.Count;

    public IEnumerable<string> Keys => _values.Keys;

    public IEnumerable<string?> Values => _values.Values;

    public string? this[string key]
    {
        get => _values[key];
        set
        {
            var existed = _values.TryGetValue(key, out var previous);
            _values[key] = value;
            // A new key counts even when its value is null: the record now lists the property.
            if (!existed || !string.Equals(previous, value, StringComparison.Ordinal))
            {
                owner.Observer?.PropertyChanged(owner, key, previous, value);
            }
        }
    }

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string? value) => _values.TryGetValue(key, out value);

    public Dictionary<string, string?>.Enumerator GetEnumerator() => _values.GetEnumerator();

    IEnumerator<KeyValuePair<string, string?>> IEnumerable<KeyValuePair<string, string?>>.GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _values.GetEnumerator();
}
