using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Search;

/// <summary>
/// Finds the records a search matches, in id order. Large portals are scanned in parallel slices; the
/// caller holds the portal's lock, so the records do not change meanwhile and the filters only read.
/// </summary>
internal static class SearchScan
{
    private const int SliceSize = 16_384;

    public static List<(CrmRecord Record, IReadOnlyDictionary<string, string?> View)> Matching(
        IReadOnlyList<CrmRecord> records, DateTimeOffset now, CompiledSearch search, IReadOnlyList<string> searchable, string? queryPattern)
    {
        var slices = (records.Count + SliceSize - 1) / SliceSize;
        var found = new List<(CrmRecord, IReadOnlyDictionary<string, string?>)>[slices];
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices > 1 ? Environment.ProcessorCount : 1 }, slice =>
        {
            var matches = new List<(CrmRecord, IReadOnlyDictionary<string, string?>)>();
            var end = Math.Min(records.Count, (slice + 1) * SliceSize);
            for (var i = slice * SliceSize; i < end; i++)
            {
                var record = records[i];
                if (!record.Archived && record.SearchView(now) is { } view && search.Matches(view)
                    && (queryPattern is null || SearchText.MatchesQuery(view, searchable, queryPattern)))
                {
                    matches.Add((record, view));
                }
            }

            found[slice] = matches;
        });
        return found.SelectMany(m => m).ToList();
    }
}
