using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>
/// Keeps every portal's buyers in step with the simulated clock, however fast it runs. The outcome does not
/// depend on how often this runs: a pass only applies what is due by "now".
/// </summary>
internal sealed partial class BehaviourTicker(PortalRegistry portals, BehaviourEngine engine, TimeProvider clock, ILogger<BehaviourTicker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time on purpose: a simulated clock that stands still must not stop the loop.
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var portal in portals.All)
            {
                try
                {
                    engine.AdvanceTo(portal, clock.GetUtcNow());
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogAdvanceFailed(logger, portal.PortalId, exception);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Behaviour simulation failed for portal {PortalId}")]
    private static partial void LogAdvanceFailed(ILogger logger, long portalId, Exception exception);
}
