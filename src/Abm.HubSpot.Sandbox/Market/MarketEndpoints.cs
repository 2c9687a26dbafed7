namespace Abm.HubSpot.Sandbox.Market;

/// <summary>
/// The simulated market's admin routes. They live under <c>/_sandbox/</c> with the other admin calls, never
/// beside the HubSpot-shaped API, so nothing hidden can leak into what the engine reads from HubSpot.
/// </summary>
internal static class MarketEndpoints
{
    public static IEndpointRouteBuilder MapMarketEndpoints(this IEndpointRouteBuilder app)
    {
        var market = app.MapGroup("/_sandbox/portals/{portalId:long}/market");
        market.MapGet("/content", MarketHandlers.Content);
        market.MapGet("/truth", MarketHandlers.Truth);
        return app;
    }
}
