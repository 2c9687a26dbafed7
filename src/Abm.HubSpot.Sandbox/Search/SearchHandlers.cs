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
        return Caller.Of(http).Portal.Read(state =>
        {
            var outcome = Run(state.Stores[type], now, request, search);
            var shown = PropertySelection.For(type, request.Properties, state.Schemas[type]);
            var page = outcome.Page.Select(m => RecordJson.Of(m.Record, shown, state, source: m.View)).ToList();
            var end = SearchOutcome.PageEnd(outcome.Total, request);
            var hasMore = end < Math.Min(outcome.Total, SearchRequest.MaxResults) && request.Limit > 0;
            var paging = hasMore ? new Paging(new PagingNext(end.ToString(CultureInfo.InvariantCulture))) : null;
            return SandboxJson.Json(new SearchResponse(outcome.Total, page, paging));
        });
    }

    /// <summary>Indexes when they can answer, the scan otherwise; both give the same outcome.</summary>
    public static SearchOutcome Run(ObjectStore store, DateTimeOffset now, SearchRequest request, CompiledSearch search) =>
        IndexedSearch.TryRun(store, now, request, search)
        ?? SearchScan.Run(store.Ordered, now, request, search, store.Type.SearchableProperties);
}
