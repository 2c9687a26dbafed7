using Abm.Server.Background;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Nurture.Enrollments;
using Abm.Server.Features.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Nurture.Execution;

/// <summary>
/// Every few seconds, runs the due enrolments of each connected workspace whose portal lease this instance holds
/// (HubSpot's limits are per portal, so one instance does a portal's outbound work; the others skip it).
/// </summary>
internal sealed partial class NurtureWorker(
    HubSpotClients clients, IServiceScopeFactory scopes, NurtureRunner runner, IOptions<NurtureOptions> options, TimeProvider clock, ILogger<NurtureWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.IntervalSeconds == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), clock);
        if (!await timer.WaitForNextTickAsync(stoppingToken))
        {
            return;
        }

        await WorkerLoop.RunAsync(nameof(NurtureWorker), RoundAsync, async ct => await timer.WaitForNextTickAsync(ct), clock, logger, stoppingToken);
    }

    private async Task RoundAsync(CancellationToken stoppingToken) =>
        await WorkerLoop.EachAsync(await clients.ConnectedAsync(stoppingToken), RunAsync, (connected, error) => LogFailed(connected.WorkspaceId, error), stoppingToken);

    private async Task RunAsync((Guid WorkspaceId, Abm.HubSpot.HubSpotClient Client) connected, CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Access.CurrentWorkspace>().Use(connected.WorkspaceId);
            // The lease is taken only when there is work: an idle workspace leaves its portal to whoever syncs it.
            var now = clock.GetUtcNow().UtcDateTime;
            var database = scope.ServiceProvider.GetRequiredService<Abm.Data.AbmDbContext>();
            if (!await database.NurtureEnrollments.AnyAsync(e => e.Status == EnrollmentStatus.Active && e.NextActionDue <= now, stoppingToken)
                || !await scope.ServiceProvider.GetRequiredService<PortalLeases>().TryAcquireAsync(connected.WorkspaceId, stoppingToken))
            {
                return;
            }
        }

        var summary = await runner.RunAsync(connected.WorkspaceId, connected.Client, stoppingToken);
        if (summary.Batches > 0)
        {
            LogRan(connected.WorkspaceId, summary.Enrollments, summary.Done, summary.Skipped, summary.Retrying, summary.Parked);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nurture for workspace {WorkspaceId}: {Enrollments} enrolments stepped, {Done} actions done, {Skipped} skipped, {Retrying} retrying, {Parked} parked")]
    private partial void LogRan(Guid workspaceId, int enrollments, int done, int skipped, int retrying, int parked);

    [LoggerMessage(Level = LogLevel.Error, Message = "Nurture for workspace {WorkspaceId} failed; it is retried on the next tick")]
    private partial void LogFailed(Guid workspaceId, Exception error);
}
