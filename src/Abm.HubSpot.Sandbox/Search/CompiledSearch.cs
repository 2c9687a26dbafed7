namespace Abm.HubSpot.Sandbox.Search;

/// <summary>The filter groups of a search, compiled: AND within a group, OR across groups.</summary>
internal sealed class CompiledSearch(SearchRequest request)
{
    private static readonly HashSet<string> Operators =
    [
        "EQ", "NEQ", "LT", "LTE", "GT", "GTE", "BETWEEN", "IN", "NOT_IN",
        "HAS_PROPERTY", "NOT_HAS_PROPERTY", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN",
    ];

    private readonly CompiledFilter[][] _groups = request.FilterGroups.Select(g => g.Select(f => new CompiledFilter(f)).ToArray()).ToArray();

    public static bool IsKnownOperator(string op) => Operators.Contains(op);

    public bool Matches(IReadOnlyDictionary<string, string?> properties)
    {
        if (_groups.Length == 0)
        {
            return true;
        }

        foreach (var group in _groups)
        {
            if (AllMatch(group, properties))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllMatch(CompiledFilter[] group, IReadOnlyDictionary<string, string?> properties)
    {
        foreach (var filter in group)
        {
            if (!filter.Matches(properties))
            {
                return false;
            }
        }

        return true;
    }
}
