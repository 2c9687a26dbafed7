using System.Text.Encodings.Web;
using System.Text.Json;
using Abm.HubSpot.Sandbox.Properties;

namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>
/// Which properties a read shows, in the order the response lists them: the requested ones (or the type's defaults),
/// then the id and the two timestamps, then those a write just set. Worked out once per request and shared by every
/// record of a page, with the names already encoded for the response, since a page of 200 records repeats them all.
/// </summary>
internal sealed class PropertySelection
{
    private readonly string[] _names;
    private readonly bool[] _always;

    private PropertySelection(string[] names, bool[] always)
    {
        _names = names;
        _always = always;
        EncodedNames = names.Select(n => JsonEncodedText.Encode(n, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)).ToArray();
    }

    public IReadOnlyList<JsonEncodedText> EncodedNames { get; }

    /// <summary>
    /// <paramref name="requested"/> null means the type's defaults, all shown even without a value. A requested name is
    /// shown when the record has it or the schema defines it: unknown names are ignored on reads, as HubSpot does.
    /// </summary>
    public static PropertySelection For(CrmObjectType type, IReadOnlyList<string>? requested, PropertySchema? schema, IEnumerable<string>? written = null)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in (requested ?? type.DefaultProperties).Concat([CrmRecordFactory.IdProperty, type.CreatedProperty, type.ModifiedProperty]).Concat(written ?? []))
        {
            if (seen.Add(name))
            {
                names.Add(name);
            }
        }

        return new PropertySelection([.. names], [.. names.Select(n => requested is null || schema?.Find(n) is not null)]);
    }

    /// <summary>The shown properties of one record, read from <paramref name="values"/> now.</summary>
    public ShownProperties Of(IReadOnlyDictionary<string, string?> values)
    {
        var shown = new List<ShownProperties.Value>(_names.Length);
        for (var i = 0; i < _names.Length; i++)
        {
            if (values.TryGetValue(_names[i], out var value) || _always[i])
            {
                shown.Add(new ShownProperties.Value(i, value));
            }
        }

        return new ShownProperties(this, shown);
    }
}
