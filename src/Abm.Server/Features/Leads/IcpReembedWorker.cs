using Abm.Server.Background;

namespace Abm.Server.Features.Leads;

/// <summary>
/// When the embedding model changed (another <c>Leads:EmbeddingModel</c>, or a new version of the model), the
/// ideal-client examples' stored vectors are of the old model. Once at start, in the background, this re-embeds
/// them in every workspace, so the first scoring after the change does not wait for it (scoring also re-embeds any
/// stale example it meets, so nothing is ever compared across models).
/// </summary>
internal sealed partial class IcpReembedWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IcpReembedWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start's path: the host is up before the model loads.
        await Task.Yield();
        await WorkerLoop.RunAsync(nameof(IcpReembedWorker), RoundAsync, _ => Task.Delay(Timeout.InfiniteTimeSpan, clock, stoppingToken), clock, logger, stoppingToken);
    }

    private Task RoundAsync(CancellationToken cancellationToken) => WorkerLoop.EachWorkspaceAsync(scopes, async (workspaceId, services, token) =>
    {
        if (await services.GetRequiredService<IcpStore>().ReembedStaleAsync(token) is > 0 and var count)
        {
            LogReembedded(workspaceId, count);
        }
    }, LogFailed, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ideal-client examples of workspace {WorkspaceId}: {Count} re-embedded with the current model")]
    private partial void LogReembedded(Guid workspaceId, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-embedding the ideal-client examples of workspace {WorkspaceId} failed")]
    private partial void LogFailed(Guid workspaceId, Exception error);
}
