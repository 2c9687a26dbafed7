using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Search.Indexes;

namespace Abm.HubSpot.Sandbox.Search;

/// <summary>
/// Answers a search from the store's indexes, with exactly the results a scan would give. Each filter group is
/// driven by its most selective indexed filter and the rest of the group (and the free-text query) is checked on
/// those candidates. Records written within the search visibility delay are checked one by one against the older
/// values search still sees. A range on the sort property is read in order without sorting; other results are
/// ordered by the keys the sort property's range index holds, without parsing a value again.
/// </summary>
internal static class IndexedSearch
{
    // Beyond this many records still lagging behind writes, the scan is as cheap as checking them one by one.
    private const int MaxLagging = 2_000;

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

        // One set per store, reused: result sets of thousands of records would otherwise land on the large object
        // heap on every search and bring on full collections of a heap holding 100,000 records.
        var matches = indexes.MatchScratch;
        try
        {
            if (lagging.Count == 0 && query is null && plans is [{ Others.Length: 0 } only])
            {
                only.Path.AddTo(matches);
            }
            else
            {
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
            }

            var laggingMatches = lagging
                .Select(r => (Record: r, View: r.SearchView(now)))
                .Where(m => m.View is not null && search.Matches(m.View) && (query is null || SearchText.MatchesQuery(m.View, searchable, query)))
                .Select(m => new SearchMatch(m.Record, m.View!))
                .ToList();
            return laggingMatches.Count > 0 ? ComparedOneByOne(matches, laggingMatches, request) : Ordered(store, matches, request);
        }
        finally
        {
            matches.Clear();
        }
    }

    // The hot incremental-sync query (a range on the modified date, sorted by it) reads its page straight from
    // the index; only when other filters remain does it look at every record of the range to count the total.
    private static SearchOutcome InRangeOrder(RangePath range, bool descending, Func<CrmRecord, bool>? others, SearchRequest request)
    {
        var sorted = range.Sorted(descending);
        if (others is null)
        {
            return SearchOutcome.Of(range.Size, sorted.Select(AsMatch), request);
        }

        // Every record of the range is checked to count the total; only the page's ones are kept.
        var pageEnd = Math.Min(request.Offset + request.Limit, SearchRequest.MaxResults);
        var page = new List<SearchMatch>();
        var total = 0;
        foreach (var record in sorted)
        {
            if (others(record))
            {
                if (total >= request.Offset && total < pageEnd)
                {
                    page.Add(AsMatch(record));
                }

                total++;
            }
        }

        return new SearchOutcome(total, page);
    }

    // Some matches are seen with older values: the scan's own ordering, on the values search sees.
    private static SearchOutcome ComparedOneByOne(HashSet<CrmRecord> matches, List<SearchMatch> laggingMatches, SearchRequest request)
    {
        var byId = matches.Select(AsMatch).Concat(laggingMatches).ToList();
        byId.Sort((a, b) => a.Record.Id.CompareTo(b.Record.Id));
        return SearchOutcome.Of(byId.Count, SearchOrder.Sort(byId, request.Sort), request);
    }

    // Every match is seen with its current values. Without a sort, id order; sorting by a property whose values are
    // all numbers or all dates, by the index's keys (ties and blanks by id, as the scan orders them); otherwise the
    // scan's comparison. When matches are dense, walking the records in order until the page is full beats sorting
    // them all: about pageEnd * records / matches steps against matches * log(matches).
    private static SearchOutcome Ordered(ObjectStore store, HashSet<CrmRecord> matches, SearchRequest request)
    {
        var walkIsShorter = (long)SearchOutcome.PageEnd(matches.Count, request) * store.Ordered.Count <= (long)matches.Count * matches.Count;
        if (request.Sort is not { } sort)
        {
            return walkIsShorter
                ? SearchOutcome.Of(matches.Count, store.Ordered.Where(matches.Contains).Select(AsMatch), request)
                : SearchOutcome.Of(matches.Count, matches.OrderBy(r => r.Id).Select(AsMatch), request);
        }

        var index = store.SearchIndexes.Ranges(sort.PropertyName);
        if (!index.IsOrdered)
        {
            return ComparedOneByOne(matches, [], request);
        }

        return walkIsShorter
            ? SearchOutcome.Of(matches.Count, ByWalkingIndex(store, index, matches, sort), request)
            : SearchOutcome.Of(matches.Count, ByKey(index, matches, sort.Descending), request);
    }

    private static IEnumerable<SearchMatch> ByKey(RangeIndex index, HashSet<CrmRecord> matches, bool descending)
    {
        var keyed = new List<OrderedEntry>(matches.Count);
        var blank = new List<CrmRecord>();
        foreach (var record in matches)
        {
            if (index.TryKeyOf(record, out var key))
            {
                keyed.Add(new OrderedEntry(descending ? -key : key, record));
            }
            else
            {
                blank.Add(record);
            }
        }

        // Negated keys sort descending while ties stay in ascending id order, as search breaks them.
        keyed.Sort();
        blank.Sort((a, b) => a.Id.CompareTo(b.Id));
        return keyed.Select(e => e.Record).Concat(blank).Select(AsMatch);
    }

    private static IEnumerable<SearchMatch> ByWalkingIndex(ObjectStore store, RangeIndex index, HashSet<CrmRecord> matches, SearchSort sort)
    {
        var entries = index.Entries;
        var withValue = sort.Descending ? entries.Descending(0, entries.Count) : entries.Ascending(0, entries.Count);
        return withValue.Select(e => e.Record).Where(matches.Contains)
            .Concat(store.Ordered.Where(r => matches.Contains(r) && string.IsNullOrEmpty(r.Get(sort.PropertyName))))
            .Select(AsMatch);
    }

    private static SearchMatch AsMatch(CrmRecord record) => new(record, record.Properties);
}
