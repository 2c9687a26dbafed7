namespace Abm.HubSpot.Sandbox.Search;

/// <summary>
/// One search filter prepared once per request: its values parsed once, so that scanning a large
/// portal costs a comparison per record.
/// </summary>
internal sealed class CompiledFilter
{
    private readonly SearchFilter _filter;
    private readonly SearchValue? _value;
    private readonly SearchValue? _high;
    private readonly SearchValue[] _values;

    public CompiledFilter(SearchFilter filter)
    {
        _filter = filter;
        _value = filter.Value is null ? null : SearchValue.Of(filter.Value);
        _high = filter.HighValue is null ? null : SearchValue.Of(filter.HighValue);
        _values = filter.Values.Select(SearchValue.Of).ToArray();
    }

    public SearchFilter Filter => _filter;

    public SearchValue? Value => _value;

    public SearchValue? HighValue => _high;

    public IReadOnlyList<SearchValue> Values => _values;

    public bool Matches(IReadOnlyDictionary<string, string?> properties)
    {
        var stored = properties.GetValueOrDefault(_filter.PropertyName);
        var hasValue = !string.IsNullOrEmpty(stored);
        return _filter.Operator switch
        {
            "HAS_PROPERTY" => hasValue,
            "NOT_HAS_PROPERTY" => !hasValue,
            "EQ" => hasValue && Equal(stored!, _value),
            "NEQ" => !hasValue || !Equal(stored!, _value),
            "IN" => hasValue && _values.Any(v => Equal(stored!, v)),
            "NOT_IN" => !hasValue || !_values.Any(v => Equal(stored!, v)),
            "LT" => hasValue && Compare(stored!, _value) < 0,
            "LTE" => hasValue && Compare(stored!, _value) <= 0,
            "GT" => hasValue && Compare(stored!, _value) > 0,
            "GTE" => hasValue && Compare(stored!, _value) >= 0,
            "BETWEEN" => hasValue && Compare(stored!, _value) >= 0 && Compare(stored!, _high) <= 0,
            "CONTAINS_TOKEN" => hasValue && ContainsToken(stored!),
            "NOT_CONTAINS_TOKEN" => !hasValue || !ContainsToken(stored!),
            _ => false,
        };
    }

    // Multi-select values are stored as "a;b;c"; EQ and IN match any one of them.
    private static bool Equal(string stored, SearchValue? value)
    {
        if (value is not { } expected)
        {
            return false;
        }

        if (expected.IsText)
        {
            return string.Equals(stored, expected.Text, StringComparison.OrdinalIgnoreCase)
                || (stored.Contains(';', StringComparison.Ordinal) && stored.Split(';').Any(o => string.Equals(o, expected.Text, StringComparison.OrdinalIgnoreCase)));
        }

        return SearchValue.Of(stored).CompareTo(expected) == 0;
    }

    private static int Compare(string stored, SearchValue? value) =>
        value is { } bound ? SearchValue.Of(stored).CompareTo(bound) : 1;

    private bool ContainsToken(string stored) =>
        !string.IsNullOrEmpty(_filter.Value) && SearchText.ContainsToken(stored, _filter.Value);
}
