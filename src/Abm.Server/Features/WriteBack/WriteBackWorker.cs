using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.WriteBack;

/// <summary>Every few seconds, flushes the outbox of each connected workspace to its HubSpot portal.</summary>
internal sealed partial class WriteBackWorker(
    HubSpotClients clients, IServiceScopeFactory scopes, IOptions<WriteBackOptions> options, TimeProvider clock, ILogger<WriteBackWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Write-back for workspace {WorkspaceId} failed; it is retried on the next tick")]
    private partial void LogFailed(Guid workspaceId, Exception error);
}
