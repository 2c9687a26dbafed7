using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Market.Behaviour;
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
    public static IResult Truth(long portalId, long? contactId, PortalRegistry portals, BehaviourEngine behaviour, TimeProvider clock)
    {
        if (portals.Find(portalId) is not { } portal)
        {
            return HubSpotErrors.NotFound($"No portal {portalId}");
        }

        // The truth includes the deals decided so far, so the buyers are brought up to "now" first.
        var now = clock.GetUtcNow();
        behaviour.AdvanceTo(portal, now);
        return portal.Read(state => contactId is { } id && !state.Market.Buyers.Contacts.ContainsKey(id)
            ? HubSpotErrors.NotFound($"No seeded contact {id} in portal {portalId}")
            : SandboxJson.Json(TruthExport.At(state.Market, state.Behaviour, now, contactId)));
    }

    private static bool WantsCsv(HttpRequest request) =>
        string.Equals(request.Query["format"], "csv", StringComparison.OrdinalIgnoreCase)
        || request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true);
}
