using System.Globalization;

namespace Abm.Server.Features.Leads;

/// <summary>
/// Reads the ranges people write in a spreadsheet: <c>200-5000</c>, <c>200 to 5,000</c>, <c>$10M-$1B</c>,
/// <c>1000+</c>, <c>&lt;50</c>, <c>up to 50k</c>, or one number. Suffixes k, m and b multiply by a thousand,
/// a million and a billion.
/// </summary>
internal static class IcpRangeText
{
    public static bool TryParse(string text, out decimal? min, out decimal? max)
    {
        (min, max) = (null, null);
        var value = text.Trim().ToLowerInvariant().Replace("$", "", StringComparison.Ordinal).Replace("€", "", StringComparison.Ordinal)
            .Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (value.EndsWith('+'))
        {
            return TryNumber(value[..^1], out min);
        }

        foreach (var prefix in new[] { "upto", "<=", "<" })
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return TryNumber(value[prefix.Length..], out max);
            }
        }

        var parts = value.Split(["-", "to", "–"], StringSplitOptions.None);
        if (parts.Length == 1)
        {
            return TryNumber(parts[0], out min) && (max = min) is not null;
        }

        return parts.Length == 2 && TryNumber(parts[0], out min) && TryNumber(parts[1], out max) && min <= max;
    }

    private static bool TryNumber(string text, out decimal? number)
    {
        number = null;
        if (text.Length == 0)
        {
            return false;
        }

        var multiplier = text[^1] switch { 'k' => 1_000m, 'm' => 1_000_000m, 'b' => 1_000_000_000m, _ => 1m };
        var digits = multiplier == 1m ? text : text[..^1];
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) || parsed > 1e15m)
        {
            return false;
        }

        number = parsed * multiplier;
        return true;
    }
}
