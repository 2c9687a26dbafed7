using System.Runtime.CompilerServices;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Market;

/// <summary>
/// One market per generation of a portal's data, built on first use. Keyed by the data itself, so a reseed
/// (which replaces the data) gets a fresh market and the old one is collected with the old data.
/// </summary>
internal sealed class MarketRegistry
{
    private readonly ConditionalWeakTable<PortalState, SimulatedMarket> _markets = [];

    public SimulatedMarket For(Portal portal) =>
        portal.Read(state => _markets.GetValue(state, SimulatedMarket.Create));
}
