using Abm.HubSpot.Sandbox.Search.Indexes;

namespace Abm.HubSpot.Sandbox.Search;

/// <summary>
/// Picks, for each filter group, the filter an index answers with the fewest records. Only filters an index
/// answers exactly qualify: equality on text, ranges on numbers or dates, and tokens or token prefixes. Negations,
/// HAS_PROPERTY and anything else are checked on the candidates instead.
/// </summary>
internal static class SearchPlanner
{
    /// <summary>The driving path of a group, or null when no filter of it can use an index.</summary>
    public static CandidatePath? PathFor(IReadOnlyList<CompiledFilter> group, SearchIndexes indexes)
    {
        CandidatePath? best = null;
        foreach (var filter in group)
        {
            if (PathFor(filter, indexes) is { } path && (best is null || path.Size < best.Size))
            {
                best = path;
            }
        }

        return best;
    }

    private static CandidatePath? PathFor(CompiledFilter filter, SearchIndexes indexes)
    {
        var property = filter.Filter.PropertyName;
        return filter.Filter.Operator switch
        {
            "EQ" when filter.Value is { IsText: true } text => new SetsPath(filter, [indexes.Values(property).Equal(text.Text)]),
            "EQ" when filter.Value is { } value => Range(filter, indexes, value, true, value, true),
            "IN" when filter.Values.All(v => v.IsText) => new SetsPath(filter, filter.Values.Select(v => indexes.Values(property).Equal(v.Text)).ToList()),
            "GT" when filter.Value is { } value => Range(filter, indexes, value, false, null, false),
            "GTE" when filter.Value is { } value => Range(filter, indexes, value, true, null, false),
            "LT" when filter.Value is { } value => Range(filter, indexes, null, false, value, false),
            "LTE" when filter.Value is { } value => Range(filter, indexes, null, false, value, true),
            "BETWEEN" when filter.Value is { } low && filter.HighValue is { } high => Range(filter, indexes, low, true, high, true),
            "CONTAINS_TOKEN" => Tokens(filter, indexes),
            _ => null,
        };
    }

    private static RangePath? Range(CompiledFilter filter, SearchIndexes indexes, SearchValue? low, bool lowInclusive, SearchValue? high, bool highInclusive)
    {
        var index = indexes.Ranges(filter.Filter.PropertyName);
        var lowKey = 0m;
        var highKey = 0m;
        if ((low is { } l && !index.TryKeyOf(l, out lowKey)) || (high is { } h && !index.TryKeyOf(h, out highKey)))
        {
            return null;
        }

        var entries = index.Entries;
        var start = low is null ? 0 : entries.PositionOf(lowKey, inclusive: !lowInclusive);
        var end = high is null ? entries.Count : entries.PositionOf(highKey, inclusive: highInclusive);
        return new RangePath(filter, entries, start, Math.Max(start, end));
    }

    // An empty pattern matches nothing; a pattern that is one run of text, optionally ending in '*', is a lookup.
    private static SetsPath? Tokens(CompiledFilter filter, SearchIndexes indexes)
    {
        var pattern = filter.Filter.Value;
        if (string.IsNullOrEmpty(pattern))
        {
            return new SetsPath(filter, []);
        }

        var text = pattern.TrimEnd('*');
        if (text.Length == 0 || text.Contains('*', StringComparison.Ordinal))
        {
            return null;
        }

        return new SetsPath(filter, indexes.Tokens(filter.Filter.PropertyName).Matching(text, prefix: text.Length < pattern.Length));
    }
}
