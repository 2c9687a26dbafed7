using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Market;

/// <summary>Serves the content catalogue (JSON, or CSV for the engine's content import) and the hidden truth.</summary>
internal static class MarketHandlers
{
    /// <summary>JSON by default; CSV when asked with <c>?format=csv</c> or <c>Accept: text/csv</c>.</summary>
    public static IResult Content(long portalId, HttpRequest request, PortalRegistry portals)
    {
        if (portals.Find(portalId) is not { } portal)
        {
            return HubSpotErrors.NotFound($"No portal {portalId}");
        }

        var catalogue = portal.Read(state => state.Market).Catalogue;
        return WantsCsv(request)
            ? Results.Text(ContentCatalogueCsv.Write(catalogue), "text/csv; charset=utf-8")
            : SandboxJson.Json(new { total = catalogue.Count, results = catalogue });
    }

    /// <summary>The hidden truth now on the simulated clock, for every seeded contact or only <c>?contactId=</c>.</summary>
    public static IResult Truth(long portalId, long? contactId, PortalRegistry portals, TimeProvider clock)
    {
        if (portals.Find(portalId) is not { } portal)
        {
            return HubSpotErrors.NotFound($"No portal {portalId}");
        }

        var market = portal.Read(state => state.Market);
        if (contactId is { } id && !market.Buyers.Contacts.ContainsKey(id))
        {
            return HubSpotErrors.NotFound($"No seeded contact {id} in portal {portalId}");
        }

        return SandboxJson.Json(TruthExport.At(market, clock.GetUtcNow(), contactId));
    }

    private static bool WantsCsv(HttpRequest request) =>
        string.Equals(request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase)
        || request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true);
}
