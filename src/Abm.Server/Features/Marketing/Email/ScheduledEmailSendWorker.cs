using Abm.HubSpot;
using Abm.Server.Background;
using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Marketing.Email;

/// <summary>
/// Every few seconds, runs each connected workspace's due marketing email sends: scheduled ones whose time came, and
/// ones whose sender died mid-send (their claim lapsed). Safe on many instances: each send is claimed by one.
/// </summary>
internal sealed partial class ScheduledEmailSendWorker(
    HubSpotClients clients, IServiceScopeFactory scopes, IOptions<MarketingOptions> options, TimeProvider clock, ILogger<ScheduledEmailSendWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SendIntervalSeconds == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SendIntervalSeconds), clock);
        await WorkerLoop.RunAsync(nameof(ScheduledEmailSendWorker), RoundAsync, async ct => await timer.WaitForNextTickAsync(ct), clock, logger, stoppingToken);
    }

    private async Task RoundAsync(CancellationToken stoppingToken) =>
        await WorkerLoop.EachAsync(await clients.ConnectedAsync(stoppingToken), RunAsync, (connected, error) => LogFailed(connected.WorkspaceId, error), stoppingToken);

    private async Task RunAsync((Guid WorkspaceId, HubSpotClient Client) connected, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(connected.WorkspaceId);
        await scope.ServiceProvider.GetRequiredService<EmailSendRunner>().RunDueAsync(connected.Client, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Marketing email sends of workspace {WorkspaceId} failed; they are tried again on the next tick")]
    private partial void LogFailed(Guid workspaceId, Exception error);
}
