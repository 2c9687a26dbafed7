using Abm.Server.Features.Access;
using Abm.Server.Features.Content;

namespace Abm.Server.Features.Engagement;

/// <summary>
/// Drains the scoring queue: everything waiting is coalesced per workspace, so a burst of event batches
/// becomes one recompute per workspace instead of one per batch.
/// </summary>
internal sealed partial class ScoringWorker(ScoringQueue queue, IServiceScopeFactory scopes, ILogger<ScoringWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            var pending = new Dictionary<Guid, (HashSet<Guid> Contacts, HashSet<Guid> Content)>();
            var requests = 0;
            while (queue.Reader.TryRead(out var request))
            {
                requests++;
                if (!pending.TryGetValue(request.WorkspaceId, out var ids))
                {
                    pending[request.WorkspaceId] = ids = ([], []);
                }

                ids.Contacts.UnionWith(request.ContactIds);
                ids.Content.UnionWith(request.ContentIds);
            }

            foreach (var (workspaceId, ids) in pending)
            {
                await RecomputeAsync(workspaceId, ids.Contacts, ids.Content, stoppingToken);
            }

            queue.Finished(requests);
        }
    }

    private async Task RecomputeAsync(Guid workspaceId, HashSet<Guid> contactIds, HashSet<Guid> contentIds, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
            await scope.ServiceProvider.GetRequiredService<EngagementRecompute>().RecomputeContactsAsync(contactIds, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<ContentPerformanceUpdater>().UpdateAsync(contentIds, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The loop must survive; the nightly pass recomputes whatever this attempt missed.
            LogFailed(workspaceId, contactIds.Count, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recomputing {ContactCount} contact(s) of workspace {WorkspaceId} failed")]
    private partial void LogFailed(Guid workspaceId, int contactCount, Exception error);
}
