using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Search;

/// <summary>
/// Answers a search by looking at every record, in id order: the reference behaviour, and the path for searches
/// no index can narrow. Large portals are scanned in parallel slices; the caller holds the portal's lock, so the
/// records do not change meanwhile and the filters only read.
/// </summary>
internal static class SearchScan
{
    private const int SliceSize = 16_384;

    public static SearchOutcome Run(IReadOnlyList<CrmRecord> records, DateTimeOffset now, SearchRequest request, CompiledSearch search, IReadOnlyList<string> searchable)
    {
        var matches = Matching(records, now, search, searchable, request.QueryPattern);
        return SearchOutcome.Of(matches.Count, SearchOrder.Sort(matches, request.Sort), request);
    }

    public static List<SearchMatch> Matching(
        IReadOnlyList<CrmRecord> records, DateTimeOffset now, CompiledSearch search, IReadOnlyList<string> searchable, string? queryPattern)
    {
        var slices = (records.Count + SliceSize - 1) / SliceSize;
        var found = new List<SearchMatch>[slices];
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices > 1 ? Environment.ProcessorCount : 1 }, slice =>
        {
            var matches = new List<SearchMatch>();
            var end = Math.Min(records.Count, (slice + 1) * SliceSize);
            for (var i = slice * SliceSize; i < end; i++)
            {
                var record = records[i];
                if (!record.Archived && record.SearchView(now) is { } view && search.Matches(view)
                    && (queryPattern is null || SearchText.MatchesQuery(view, searchable, queryPattern)))
                {
                    matches.Add(new SearchMatch(record, view));
                }
            }

            found[slice] = matches;
        });
        return found.SelectMany(m => m).ToList();
    }
}
