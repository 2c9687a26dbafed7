using Abm.HubSpot.Sandbox.Clock;
using Abm.HubSpot.Sandbox.Market.Behaviour;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Hosting;

/// <summary>
/// Brings the buyers of a sandbox started in the past up to the real now (less the catch-up the running clock
/// lives), before anyone is told where the sandbox is: a new portal lives its history, a restored one the time it
/// was stopped. What they do is what the running clock would have made them do, only sooner.
/// </summary>
internal static class HistoryLiving
{
    public static void LiveUpToNow(SandboxOptions options, SimulatedClock clock, PortalRegistry portals, BehaviourEngine engine)
    {
        if (options.History <= TimeSpan.Zero)
        {
            return;
        }

        // Start every portal's simulation where its clock stands (a restored portal would otherwise begin at the
        // moment it is first advanced to and skip the time it was stopped).
        var resumedAt = clock.GetUtcNow();
        foreach (var portal in portals.All)
        {
            engine.AdvanceTo(portal, resumedAt);
        }

        var target = TimeProvider.System.GetUtcNow() - options.CatchUp;
        if (target <= resumedAt)
        {
            return;
        }

        clock.SetNow(target);
        foreach (var portal in portals.All)
        {
            engine.AdvanceTo(portal, target);
        }
    }
}
