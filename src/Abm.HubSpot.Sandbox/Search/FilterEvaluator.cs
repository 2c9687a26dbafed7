using System.Text.RegularExpressions;

namespace Abm.HubSpot.Sandbox.Search;

/// <summary>Evaluates HubSpot search filters: AND within a group, OR across groups.</summary>
internal static class FilterEvaluator
{
    private static readonly HashSet<string> _operators =
    [
        "EQ", "NEQ", "LT", "LTE", "GT", "GTE", "BETWEEN", "IN", "NOT_IN",
        "HAS_PROPERTY", "NOT_HAS_PROPERTY", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN",
    ];

    public static bool IsKnownOperator(string op) => _operators.Contains(op);

    public static bool Matches(IReadOnlyDictionary<string, string?> properties, IReadOnlyList<IReadOnlyList<SearchFilter>> groups) =>
        groups.Count == 0 || groups.Any(group => group.All(filter => Matches(properties, filter)));

    public static bool Matches(IReadOnlyDictionary<string, string?> properties, SearchFilter filter)
    {
        var stored = properties.GetValueOrDefault(filter.PropertyName);
        var hasValue = !string.IsNullOrEmpty(stored);
        return filter.Operator switch
        {
            "HAS_PROPERTY" => hasValue,
            "NOT_HAS_PROPERTY" => !hasValue,
            "EQ" => hasValue && AnyOptionEquals(stored!, filter.Value),
            "NEQ" => !hasValue || !AnyOptionEquals(stored!, filter.Value),
            "IN" => hasValue && filter.Values.Any(v => AnyOptionEquals(stored!, v)),
            "NOT_IN" => !hasValue || !filter.Values.Any(v => AnyOptionEquals(stored!, v)),
            "LT" => hasValue && Compare(stored!, filter.Value) < 0,
            "LTE" => hasValue && Compare(stored!, filter.Value) <= 0,
            "GT" => hasValue && Compare(stored!, filter.Value) > 0,
            "GTE" => hasValue && Compare(stored!, filter.Value) >= 0,
            "BETWEEN" => hasValue && Compare(stored!, filter.Value) >= 0 && Compare(stored!, filter.HighValue) <= 0,
            "CONTAINS_TOKEN" => hasValue && ContainsToken(stored!, filter.Value),
            "NOT_CONTAINS_TOKEN" => !hasValue || !ContainsToken(stored!, filter.Value),
            _ => false,
        };
    }

    /// <summary>Text query: a prefix match on any word of the type's searchable properties.</summary>
    public static bool MatchesQuery(IReadOnlyDictionary<string, string?> properties, IReadOnlyList<string> searchable, string query) =>
        searchable.Any(name => properties.GetValueOrDefault(name) is { Length: > 0 } value
            && (value.StartsWith(query, StringComparison.OrdinalIgnoreCase)
                || Tokens(value).Any(t => t.StartsWith(query, StringComparison.OrdinalIgnoreCase))));

    // Multi-select values are stored as "a;b;c"; EQ and IN match any one of them.
    private static bool AnyOptionEquals(string stored, string? value)
    {
        if (value is null)
        {
            return false;
        }

        if (Compare(stored, value) == 0)
        {
            return true;
        }

        return stored.Contains(';', StringComparison.Ordinal)
            && stored.Split(';').Any(option => string.Equals(option, value, StringComparison.OrdinalIgnoreCase));
    }

    private static int Compare(string stored, string? value) =>
        value is null ? 1 : SearchValue.Of(stored).CompareTo(SearchValue.Of(value));

    private static bool ContainsToken(string stored, string? pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            return false;
        }

        var regex = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        return regex.IsMatch(stored) || Tokens(stored).Any(regex.IsMatch);
    }

    private static string[] Tokens(string value) =>
        value.Split([' ', ',', ';', '.', '@', '-', '_', '/', ':'], StringSplitOptions.RemoveEmptyEntries);
}
