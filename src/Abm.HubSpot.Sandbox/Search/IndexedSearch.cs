using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Search;

/// <summary>
/// Answers a search from the store's indexes, with exactly the results a scan would give. Each filter group is
/// driven by its most selective indexed filter and the rest of the group (and the free-text query) is checked on
/// those candidates. Records written within the search visibility delay are checked one by one against the older
/// values search still sees. A range on the sort property is read in order without sorting; other large results
/// are ordered by walking the sort property's range index.
/// </summary>
internal static class IndexedSearch
{
    // Beyond this many records still lagging behind writes, the scan is as cheap as checking them one by one.
    private const int MaxLagging = 2_000;

    // Up to this many matches a plain sort is cheaper than walking an index in order.
    private const int SortedDirectlyUpTo = 2_048;

    /// <summary>The outcome, or null when some group has no indexed filter (the caller scans instead).</summary>
    public static SearchOutcome? TryRun(ObjectStore store, DateTimeOffset now, SearchRequest request, CompiledSearch search)
    {
        if (search.Groups.Count == 0)
        {
            return null;
        }

        var indexes = store.SearchIndexes;
        var plans = new List<(CandidatePath Path, CompiledFilter[] Others)>();
        foreach (var group in search.Groups)
        {
            if (SearchPlanner.PathFor(group, indexes) is not { } path)
            {
                return null;
            }

            plans.Add((path, group.Where(f => f != path.Filter).ToArray()));
        }

        if (indexes.LaggingAt(now, MaxLagging) is not { } lagging)
        {
            return null;
        }

        var searchable = store.Type.SearchableProperties;
        var query = request.QueryPattern;
        bool OthersMatch(CrmRecord record, CompiledFilter[] others) =>
            CompiledSearch.AllMatch(others, record.Properties) && (query is null || SearchText.MatchesQuery(record.Properties, searchable, query));

        if (lagging.Count == 0 && plans is [{ Path: RangePath range, Others: var groupOthers }]
            && request.Sort is { } sort && sort.PropertyName == range.Filter.Filter.PropertyName)
        {
            return InRangeOrder(range, sort.Descending, groupOthers.Length == 0 && query is null ? null : r => OthersMatch(r, groupOthers), request);
        }

        var matches = new HashSet<CrmRecord>();
        foreach (var (path, others) in plans)
        {
            foreach (var record in path.Records())
            {
                if (!lagging.Contains(record) && OthersMatch(record, others))
                {
                    matches.Add(record);
                }
            }
        }

        var laggingMatches = lagging
            .Select(r => (Record: r, View: r.SearchView(now)))
            .Where(m => m.View is not null && search.Matches(m.View) && (query is null || SearchText.MatchesQuery(m.View, searchable, query)))
            .Select(m => new SearchMatch(m.Record, m.View!))
            .ToList();
        return laggingMatches.Count > 0 || matches.Count <= SortedDirectlyUpTo
            ? SortedDirectly(matches, laggingMatches, request)
            : InIndexOrder(store, matches, request);
    }

    // The hot incremental-sync query (a range on the modified date, sorted by it) reads its page straight from
    // the index; only when other filters remain does it look at every record of the range to count the total.
    private static SearchOutcome InRangeOrder(RangePath range, bool descending, Func<CrmRecord, bool>? rest, SearchRequest request)
    {
        var sorted = range.Sorted(descending);
        if (rest is null)
        {
            return SearchOutcome.Of(range.Size, sorted.Select(AsMatch), request);
        }

        var matching = sorted.Where(rest).Select(AsMatch).ToList();
        return SearchOutcome.Of(matching.Count, matching, request);
    }

    private static SearchOutcome SortedDirectly(HashSet<CrmRecord> matches, List<SearchMatch> laggingMatches, SearchRequest request)
    {
        var byId = matches.Select(AsMatch).Concat(laggingMatches).ToList();
        byId.Sort((a, b) => a.Record.Id.CompareTo(b.Record.Id));
        return SearchOutcome.Of(byId.Count, SearchOrder.Sort(byId, request.Sort), request);
    }

    // Many matches and no lagging records: walk the records in id order, or the sort property's range index when
    // key order is search's order, keeping the matches; records without a sort value follow by id.
    private static SearchOutcome InIndexOrder(ObjectStore store, HashSet<CrmRecord> matches, SearchRequest request)
    {
        if (request.Sort is not { } sort)
        {
            return SearchOutcome.Of(matches.Count, store.Ordered.Where(matches.Contains).Select(AsMatch), request);
        }

        var index = store.SearchIndexes.Ranges(sort.PropertyName);
        if (!index.IsOrdered)
        {
            return SortedDirectly(matches, [], request);
        }

        var withValue = sort.Descending ? index.Entries.Descending(0, index.Entries.Count) : index.Entries.Ascending(0, index.Entries.Count);
        var ordered = withValue.Select(e => e.Record).Where(matches.Contains)
            .Concat(store.Ordered.Where(r => matches.Contains(r) && string.IsNullOrEmpty(r.Get(sort.PropertyName))));
        return SearchOutcome.Of(matches.Count, ordered.Select(AsMatch), request);
    }

    private static SearchMatch AsMatch(CrmRecord record) => new(record, record.Properties);
}
