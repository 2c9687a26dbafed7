using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Database;
using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Webhooks;

/// <summary>
/// Applies claimed inbox batches together. HubSpot sends many events about the same records, so the events of
/// every batch are pooled per workspace and reduced to distinct records (each with its newest event time)
/// before anything is re-read: the cost follows the number of distinct records, one batch read per 100, not
/// the number of batches. Re-reading a record's current state covers every kind of event alike (a deletion or
/// merge shows as a record HubSpot no longer returns, an association change as its current associations),
/// which is what makes pooling them safe. What cannot be acted on (an unknown portal, an unknown subscription
/// type, an event missing its ids) is noted on its batch and logged, never a reason to fail it.
/// </summary>
internal sealed partial class WebhookBatchProcessor(HubSpotClients clients, IServiceScopeFactory scopes, ILogger<WebhookBatchProcessor> logger)
{
    /// <summary>Tries at a workspace's records when the database reports a transient error (deadlock, busy), before its batches back off.</summary>
    private const int DatabaseAttempts = 3;

    /// <summary>
    /// One result per batch. A batch fails (to be retried after its back-off) when a workspace it has events
    /// for could not be applied; the records applied before the failure are skipped on the retry.
    /// </summary>
    public async Task<IReadOnlyList<BatchResult>> ProcessAsync(IReadOnlyList<WebhookInboxItem> batches, CancellationToken cancellationToken)
    {
        var readings = batches.Select(WebhookBatchReading.Of).ToList();
        var portals = readings.SelectMany(r => r.Events).Select(e => e.PortalId).Distinct(StringComparer.Ordinal).ToList();
        var workspaces = await WorkspacesOfAsync(portals, cancellationToken);
        var pooled = new Dictionary<Guid, (WebhookTargets Targets, int Batches)>();
        foreach (var reading in readings)
        {
            Pool(reading, workspaces, pooled);
        }

        var failed = new Dictionary<Guid, string>();
        foreach (var (workspaceId, (targets, batchCount)) in pooled.Where(p => p.Value.Targets.Records.Count > 0 || p.Value.Targets.Erasures.Count > 0))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await ApplyAsync(workspaceId, targets, batchCount, cancellationToken);
                    break;
                }
                catch (Exception error) when (attempt < DatabaseAttempts && TransientDatabaseErrors.Any(error) && !cancellationToken.IsCancellationRequested)
                {
                    // Pooled batches write thousands of records, so another writer's deadlock with them is no rare
                    // event; the steps already applied are skipped, so going again at once costs little.
                    LogTransientRetry(workspaceId, attempt, error);
                }
                catch (Exception error) when (!cancellationToken.IsCancellationRequested)
                {
                    // An HTTP timeout is a cancellation too, so only our own stop request ends the pass.
                    failed[workspaceId] = $"{error.GetType().Name}: {error.Message}";
                    LogWorkspaceFailed(workspaceId, batchCount, error);
                    break;
                }
            }
        }

        return [.. readings.Select(r => r.Result(failed))];
    }

    /// <summary>Adds a batch's events to the records of the workspaces they belong to, noting what cannot be applied.</summary>
    private void Pool(WebhookBatchReading reading, Dictionary<string, Guid> workspaces, Dictionary<Guid, (WebhookTargets Targets, int Batches)> pooled)
    {
        var batchId = reading.Batch.Id;
        if (reading.Unreadable > 0)
        {
            LogUnreadable(batchId, reading.Unreadable);
        }

        foreach (var portalEvents in reading.Events.GroupBy(e => e.PortalId, StringComparer.Ordinal))
        {
            if (!workspaces.TryGetValue(portalEvents.Key, out var workspaceId))
            {
                reading.Note($"{portalEvents.Count()} events of portal {portalEvents.Key}, which no workspace is connected to, were kept unapplied.");
                LogUnknownPortal(batchId, portalEvents.Key, portalEvents.Count());
                continue;
            }

            reading.Workspaces.Add(workspaceId);
            var targets = WebhookTargets.From(portalEvents);
            foreach (var (type, count) in targets.UnknownTypes)
            {
                reading.Note($"{count} events of unknown subscription type '{type}' were ignored.");
                LogUnknownType(batchId, type, count);
            }

            var (workspaceTargets, batchCount) = pooled.GetValueOrDefault(workspaceId, (new WebhookTargets(), 0));
            workspaceTargets.Include(targets);
            pooled[workspaceId] = (workspaceTargets, batchCount + 1);
        }
    }

    private async Task ApplyAsync(Guid workspaceId, WebhookTargets targets, int batchCount, CancellationToken cancellationToken)
    {
        var client = await clients.GetAsync(workspaceId, cancellationToken)
            ?? throw new InvalidOperationException($"Workspace {workspaceId} has no usable HubSpot connection, so its records cannot be re-read.");
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
        var summary = await scope.ServiceProvider.GetRequiredService<WebhookApplier>().ApplyAsync(client, targets, cancellationToken);
        LogApplied(batchCount, workspaceId, summary.Refreshed, summary.Skipped, summary.Upserted, summary.Archived, summary.Erased);
    }

    private async Task<Dictionary<string, Guid>> WorkspacesOfAsync(List<string> portals, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
        return await database.Workspaces.AsNoTracking().Where(w => w.HubSpotPortalId != null && portals.Contains(w.HubSpotPortalId))
            .ToDictionaryAsync(w => w.HubSpotPortalId!, w => w.Id, StringComparer.Ordinal, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{BatchCount} webhook batches for workspace {WorkspaceId}: {Refreshed} distinct records re-read, {Skipped} already current, {Upserted} upserted, {Archived} archived, {Erased} erased on HubSpot's privacy deletion")]
    private partial void LogApplied(int batchCount, Guid workspaceId, int refreshed, int skipped, int upserted, int archived, int erased);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying {BatchCount} webhook batches for workspace {WorkspaceId} failed; they are retried after a back-off")]
    private partial void LogWorkspaceFailed(Guid workspaceId, int batchCount, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying webhook batches for workspace {WorkspaceId} met a transient database error on attempt {Attempt}; going again")]
    private partial void LogTransientRetry(Guid workspaceId, int attempt, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook batch {BatchId} has {Count} events of portal {PortalId}, which no workspace is connected to; they are kept unapplied")]
    private partial void LogUnknownPortal(Guid batchId, string portalId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook batch {BatchId} has {Count} events of unknown subscription type {SubscriptionType}; they are ignored")]
    private partial void LogUnknownType(Guid batchId, string subscriptionType, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook batch {BatchId} has {Count} events without the ids needed to apply them; they are ignored")]
    private partial void LogUnreadable(Guid batchId, int count);
}
