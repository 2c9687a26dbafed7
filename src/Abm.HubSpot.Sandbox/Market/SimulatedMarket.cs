using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Market;

/// <summary>The synthetic market behind one portal's seeded data: its content library and its buyers' hidden truth.</summary>
internal sealed class SimulatedMarket
{
    private SimulatedMarket(int seed, IReadOnlyList<MarketContentItem> catalogue)
    {
        Seed = seed;
        Catalogue = catalogue;
    }

    public int Seed { get; }

    public IReadOnlyList<MarketContentItem> Catalogue { get; }

    /// <summary>Builds the market from the seeded data; call it under the portal's lock.</summary>
    public static SimulatedMarket Create(PortalState state) =>
        new(state.Seed, ContentCatalogue.Generate(state.Seed, state.SeededAt));
}
