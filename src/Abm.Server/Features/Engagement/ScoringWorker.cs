using Abm.Server.Background;
using Abm.Server.Features.Access;
using Abm.Server.Features.Content;

namespace Abm.Server.Features.Engagement;

/// <summary>
/// Drains the scoring queue: one recompute per workspace for everything waiting (see <see cref="ScoringQueue.TakeAll"/>).
/// </summary>
internal sealed partial class ScoringWorker(ScoringQueue queue, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScoringWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        WorkerLoop.RunAsync(nameof(ScoringWorker), DrainAsync, async ct => await queue.Reader.WaitToReadAsync(ct), clock, logger, stoppingToken);

    private async Task DrainAsync(CancellationToken stoppingToken)
    {
        var (pending, requests) = queue.TakeAll();
        try
        {
            // One workspace's failure must not hold back the others; the nightly pass recomputes whatever this attempt missed.
            await WorkerLoop.EachAsync(pending, RecomputeAsync, (entry, error) => LogFailed(entry.Key, entry.Value.ContactIds.Count, error), stoppingToken);
        }
        finally
        {
            queue.Finished(requests);
        }
    }

    private async Task RecomputeAsync(KeyValuePair<Guid, ScoringWork> entry, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(entry.Key);
        await scope.ServiceProvider.GetRequiredService<EngagementRecompute>().RecomputeContactsAsync(entry.Value.ContactIds, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<ContentPerformanceUpdater>().UpdateAsync(entry.Value.ContentIds, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recomputing {ContactCount} contact(s) of workspace {WorkspaceId} failed")]
    private partial void LogFailed(Guid workspaceId, int contactCount, Exception error);
}
