using System.Collections.Frozen;
using System.Text;

namespace Abm.Engines;

/// <summary>
/// Maps an enum to the spelling used on the wire (HubSpot properties, API payloads, CSV files) and back.
/// Built once per enum and style so conversions on hot paths are a dictionary lookup.
/// </summary>
internal sealed class WireNameMap<TEnum>
    where TEnum : struct, Enum
{
    private readonly FrozenDictionary<TEnum, string> _names;
    private readonly FrozenDictionary<string, TEnum> _values;

    public WireNameMap(WireNameStyle style)
    {
        var values = Enum.GetValues<TEnum>();
        _names = values.ToFrozenDictionary(v => v, v => Spell(v.ToString(), style));
        // Parsing ignores case because HubSpot and CSV authors are not consistent about it.
        _values = values.ToFrozenDictionary(v => _names[v], v => v, StringComparer.OrdinalIgnoreCase);
    }

    public string NameOf(TEnum value) =>
        _names.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a defined value.");

    public bool TryParse(string? text, out TEnum value)
    {
        value = default;
        return text is not null && _values.TryGetValue(text.Trim(), out value);
    }

    private static string Spell(string pascalName, WireNameStyle style)
    {
        if (style == WireNameStyle.LowerJoined)
        {
            return pascalName.ToLowerInvariant();
        }

        var builder = new StringBuilder(pascalName.Length + 8);
        for (var i = 0; i < pascalName.Length; i++)
        {
            var c = pascalName[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(c);
        }

        var snake = builder.ToString();
        return style == WireNameStyle.UpperSnake ? snake.ToUpperInvariant() : snake.ToLowerInvariant();
    }
}

/// <summary>How an enum member's PascalCase name is spelled on the wire.</summary>
internal enum WireNameStyle
{
    /// <summary><c>journey_stage</c>: our own <c>abm_*</c> properties and API values.</summary>
    LowerSnake,

    /// <summary><c>BUDGET_HOLDER</c>: HubSpot's <c>hs_buying_role</c> options.</summary>
    UpperSnake,

    /// <summary><c>closedwon</c>: HubSpot's default deal stage ids.</summary>
    LowerJoined,
}
