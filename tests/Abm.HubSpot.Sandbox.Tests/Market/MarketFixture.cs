using Abm.HubSpot.Sandbox.Market;
using Abm.HubSpot.Sandbox.Portals;
using Abm.HubSpot.Sandbox.Seeding;

namespace Abm.HubSpot.Sandbox.Tests.Market;

/// <summary>Seeded portal data and its market built in memory, without a host, to keep the model tests fast.</summary>
internal static class MarketFixture
{
    public static readonly DateTimeOffset SeededAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static PortalState Seed(int seed = 42, int accounts = 20) => PortalSeeder.Seed(seed, accounts, SeededAt, 100_000_001);

    public static SimulatedMarket Market(int seed = 42, int accounts = 20) => Seed(seed, accounts).Market;

    public static MarketContentItem Item(string topic, string stage, string contentType = "whitepaper", string persona = "technical_director", params string[] industries) =>
        new("sbx-test", "Test item", contentType, "basic", topic, "https://www.example.com/test", industries, [persona], [stage], SeededAt.AddDays(-30), 10);
}
