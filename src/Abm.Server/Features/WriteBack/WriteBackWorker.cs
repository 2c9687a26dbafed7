using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.WriteBack;

/// <summary>Every few seconds, flushes the outbox of each connected workspace to its HubSpot portal; hourly, prunes its history.</summary>
internal sealed partial class WriteBackWorker(
    HubSpotClients clients, IServiceScopeFactory scopes, IOptions<WriteBackOptions> options, TimeProvider clock, ILogger<WriteBackWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), clock);
        var prunedAt = DateTimeOffset.MinValue;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (clock.GetUtcNow() - prunedAt >= PruneEvery)
            {
                prunedAt = clock.GetUtcNow();
                await PruneHistoryAsync(stoppingToken);
            }

            foreach (var (workspaceId, client) in await clients.ConnectedAsync(stoppingToken))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
                    await scope.ServiceProvider.GetRequiredService<OutboxFlusher>().FlushAsync(client, stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    LogFailed(workspaceId, error);
                }
            }
        }
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
        catch (Exception error) when (error is not OperationCanceledException)
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
