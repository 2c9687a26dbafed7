using Abm.HubSpot;
using Abm.Server.Background;
using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.WriteBack;

/// <summary>Every few seconds, flushes the outbox of each connected workspace to its HubSpot portal; hourly, prunes its history.</summary>
internal sealed partial class WriteBackWorker(
    HubSpotClients clients, IServiceScopeFactory scopes, IOptions<WriteBackOptions> options, TimeProvider clock, ILogger<WriteBackWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), clock);
        if (!await timer.WaitForNextTickAsync(stoppingToken))
        {
            return;
        }

        await WorkerLoop.RunAsync(nameof(WriteBackWorker), RoundAsync, async ct => await timer.WaitForNextTickAsync(ct), clock, logger, stoppingToken);
    }

    private async Task RoundAsync(CancellationToken stoppingToken)
    {
        if (clock.GetUtcNow() - _prunedAt >= PruneEvery)
        {
            _prunedAt = clock.GetUtcNow();
            await PruneHistoryAsync(stoppingToken);
        }

        await WorkerLoop.EachAsync(await clients.ConnectedAsync(stoppingToken), FlushAsync, (connected, error) => LogFailed(connected.WorkspaceId, error), stoppingToken);
    }

    private async Task FlushAsync((Guid WorkspaceId, HubSpotClient Client) connected, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(connected.WorkspaceId);
        await scope.ServiceProvider.GetRequiredService<OutboxFlusher>().FlushAsync(connected.Client, stoppingToken);
    }

    private async Task PruneHistoryAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var deleted = await scope.ServiceProvider.GetRequiredService<OutboxHistory>().PruneAsync(cancellationToken);
            if (deleted > 0)
            {
                LogPruned(deleted);
            }
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            LogPruneFailed(error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} finished write-back rows past their history period")]
    private partial void LogPruned(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pruning write-back history failed; it is tried again in an hour")]
    private partial void LogPruneFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Write-back for workspace {WorkspaceId} failed; it is retried on the next tick")]
    private partial void LogFailed(Guid workspaceId, Exception error);
}
