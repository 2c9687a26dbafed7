using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Search;

/// <summary>A record a search matched, with the values search saw (its current ones, or older ones while it lags).</summary>
internal readonly record struct SearchMatch(CrmRecord Record, IReadOnlyDictionary<string, string?> View);

/// <summary>What a search answers: how many records match in all, and the requested page of them in order.</summary>
internal sealed record SearchOutcome(int Total, IReadOnlyList<SearchMatch> Page)
{
    /// <summary>
    /// Cuts the page out of the matches in their final order: from the offset, at most the limit, and never past
    /// the 10,000th match. Only as much of <paramref name="ordered"/> as the page needs is enumerated.
    /// </summary>
    public static SearchOutcome Of(int total, IEnumerable<SearchMatch> ordered, SearchRequest request) =>
        new(total, ordered.Skip(request.Offset).Take(Math.Max(0, PageEnd(total, request) - request.Offset)).ToList());

    /// <summary>Position after the last match of the page.</summary>
    public static int PageEnd(int total, SearchRequest request) =>
        Math.Min(Math.Min(total, SearchRequest.MaxResults), request.Offset + request.Limit);
}
