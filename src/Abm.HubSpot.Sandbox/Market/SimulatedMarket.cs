using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Market;

/// <summary>The synthetic market behind one portal's seeded data: its content library and its buyers' hidden truth.</summary>
internal sealed class SimulatedMarket
{
    private SimulatedMarket(int seed, IReadOnlyList<MarketContentItem> catalogue, BuyerModel buyers)
    {
        Seed = seed;
        Catalogue = catalogue;
        Buyers = buyers;
    }

    public int Seed { get; }

    public IReadOnlyList<MarketContentItem> Catalogue { get; }

    public BuyerModel Buyers { get; }

    /// <summary>Builds the market from the data seeded so far; seeding calls it as it ends.</summary>
    public static SimulatedMarket Create(PortalState state) =>
        new(state.Seed, ContentCatalogue.Generate(state.Seed, state.SeededAt), BuyerModel.Build(state));

    /// <summary>How relevant an item is to a seeded contact at a moment; null for a contact the market does not know.</summary>
    public int? Relevance(long contactId, MarketContentItem item, DateTimeOffset at) =>
        Buyers.Contacts.TryGetValue(contactId, out var contact) ? RelevanceGrader.Grade(contact, Buyers.AccountOf(contact), item, at) : null;
}
