using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Background;
using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Runs queued syncs (asked for through the API) as soon as it is woken, and an incremental sync of every
/// connected workspace each <see cref="SyncOptions.IncrementalIntervalMinutes"/>. A workspace is synced only
/// by the instance holding its portal lease, one run at a time; queued runs live in the database, so a
/// restart loses none.
/// </summary>
internal sealed partial class SyncWorker(
    HubSpotClients clients, IServiceScopeFactory scopes, SyncSignal signal, IOptions<SyncOptions> options, TimeProvider clock, ILogger<SyncWorker> logger) : BackgroundService
{
    /// <summary>The longest wait between rounds when nothing wakes the worker.</summary>
    public static readonly TimeSpan RoundInterval = TimeSpan.FromSeconds(30);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(options.Value.IncrementalIntervalMinutes);
        var nextScheduled = clock.GetUtcNow().Add(interval);
        return WorkerLoop.RunAsync(nameof(SyncWorker), RoundAsync, WaitAsync, clock, logger, stoppingToken);

        async Task RoundAsync(CancellationToken cancellationToken)
        {
            var scheduled = interval > TimeSpan.Zero && clock.GetUtcNow() >= nextScheduled;
            if (scheduled)
            {
                nextScheduled = clock.GetUtcNow().Add(interval);
            }

            await WorkerLoop.EachAsync(await clients.ConnectedAsync(cancellationToken), (connected, ct) => RunDueAsync(connected.WorkspaceId, connected.Client, scheduled, ct),
                (connected, error) => LogFailed(connected.WorkspaceId, error), cancellationToken);
        }

        // Bounded even with the schedule off: a round that could not run a queued sync (another instance
        // held the lease, the database failed) tries again without waiting for the next request.
        Task WaitAsync(CancellationToken cancellationToken) => signal.WaitAsync(RoundInterval, clock, cancellationToken);
    }

    private async Task RunDueAsync(Guid workspaceId, Abm.HubSpot.HubSpotClient client, bool scheduled, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
        var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
        var queued = await database.SyncRuns.Where(r => r.Status == SyncRunStatus.Queued).OrderBy(r => r.StartedAt).ToListAsync(stoppingToken);
        if (queued.Count == 0 && !scheduled)
        {
            return;
        }

        var leases = scope.ServiceProvider.GetRequiredService<PortalLeases>();
        if (!await leases.TryAcquireAsync(workspaceId, stoppingToken))
        {
            return;
        }

        if (queued.Count == 0)
        {
            queued.Add(new SyncRun { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, Kind = SyncKinds.Incremental, Trigger = "schedule", StartedAt = clock.GetUtcNow().UtcDateTime });
        }

        var runner = scope.ServiceProvider.GetRequiredService<SyncRunner>();
        foreach (var run in queued)
        {
            await runner.RunAsync(client, run, watcher: null, stoppingToken);
            await leases.TryAcquireAsync(workspaceId, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync of workspace {WorkspaceId} failed; it is tried again on the next round")]
    private partial void LogFailed(Guid workspaceId, Exception error);
}
