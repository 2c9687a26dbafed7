namespace Abm.HubSpot.Sandbox.Search;

/// <summary>The order search returns matches in: by id without a sort; with one, by value, ties and blanks by id.</summary>
internal static class SearchOrder
{
    /// <summary>Orders matches given in id order, comparing the values search sees, as HubSpot orders them.</summary>
    public static IEnumerable<SearchMatch> Sort(List<SearchMatch> matchesById, SearchSort? sort)
    {
        if (sort is null)
        {
            return matchesById;
        }

        // Keys are computed once per record; records without a value sort last either way.
        var keyed = matchesById.Select(m => (Match: m, Key: m.View.GetValueOrDefault(sort.PropertyName) is { Length: > 0 } v ? SearchValue.Of(v) : (SearchValue?)null)).ToList();
        keyed.Sort((a, b) =>
        {
            if (a.Key is null || b.Key is null)
            {
                return a.Key is null == b.Key is null ? a.Match.Record.Id.CompareTo(b.Match.Record.Id) : a.Key is null ? 1 : -1;
            }

            var byValue = a.Key.Value.CompareTo(b.Key.Value);
            return byValue != 0 ? (sort.Descending ? -byValue : byValue) : a.Match.Record.Id.CompareTo(b.Match.Record.Id);
        });
        return keyed.Select(k => k.Match);
    }
}
