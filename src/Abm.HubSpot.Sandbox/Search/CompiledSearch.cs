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

    public IReadOnlyList<IReadOnlyList<CompiledFilter>> Groups => _groups;

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

    /// <summary>True when every filter matches: the AND of one group, or of what an index left to check.</summary>
    public static bool AllMatch(IReadOnlyList<CompiledFilter> group, IReadOnlyDictionary<string, string?> properties)
    {
        for (var i = 0; i < group.Count; i++)
        {
            if (!group[i].Matches(properties))
            {
                return false;
            }
        }

        return true;
    }
}
