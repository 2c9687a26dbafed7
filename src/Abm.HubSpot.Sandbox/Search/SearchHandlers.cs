using System.Globalization;
using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Search;

/// <summary>POST /crm/v3/objects/{type}/search over what the (possibly lagging) search index holds.</summary>
internal static class SearchHandlers
{
    public static async Task<IResult> SearchAsync(HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var type = ObjectTypeRoute.Of(http);
        var (body, bodyError) = await JsonBody.ReadObjectAsync(http.Request, cancellationToken);
        var (request, requestError) = body is null ? (null, bodyError) : SearchRequest.Parse(body);
        if (request is null)
        {
            return requestError!;
        }

        var now = clock.GetUtcNow();
        var search = new CompiledSearch(request);
        var queryPattern = request.Query is null ? null : request.Query + "*";
        return Caller.Of(http).Portal.Read(state =>
        {
            var matches = SearchScan.Matching(state.Stores[type].Ordered, now, search, type.SearchableProperties, queryPattern);
            var ordered = Sort(matches, request.Sort);
            var end = Math.Min(Math.Min(matches.Count, SearchRequest.MaxResults), request.Offset + request.Limit);
            var page = ordered.Skip(request.Offset).Take(Math.Max(0, end - request.Offset))
                .Select(m => RecordJson.Of(m.Record, request.Properties, state, source: m.View))
                .ToList();
            var hasMore = end < Math.Min(matches.Count, SearchRequest.MaxResults) && request.Limit > 0;
            var paging = hasMore ? new Paging(new PagingNext(end.ToString(CultureInfo.InvariantCulture))) : null;
            return SandboxJson.Json(new SearchResponse(matches.Count, page, paging));
        });
    }

    private static IEnumerable<(CrmRecord Record, IReadOnlyDictionary<string, string?> View)> Sort(
        List<(CrmRecord Record, IReadOnlyDictionary<string, string?> View)> matches, SearchSort? sort)
    {
        if (sort is null)
        {
            return matches;
        }

        // Keys are computed once per record; records without a value sort last either way.
        var keyed = matches.Select(m => (Match: m, Key: m.View.GetValueOrDefault(sort.PropertyName) is { Length: > 0 } v ? SearchValue.Of(v) : (SearchValue?)null)).ToList();
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
