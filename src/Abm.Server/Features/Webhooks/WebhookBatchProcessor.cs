using System.Text;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Webhooks;

internal sealed record BatchOutcome(string Status, Guid? WorkspaceId, string? Note);

/// <summary>
/// Applies one inbox batch: its events are split by portal, each portal is matched to its workspace, and each
/// workspace's records are re-read. What cannot be acted on (an unknown portal, an unknown subscription type,
/// an event missing its ids) is noted on the batch and logged, never a reason to fail it.
/// </summary>
internal sealed partial class WebhookBatchProcessor(HubSpotClients clients, IServiceScopeFactory scopes, ILogger<WebhookBatchProcessor> logger)
{
    /// <summary>Throws when a workspace's records could not be re-read; the batch is then retried later.</summary>
    public async Task<BatchOutcome> ProcessAsync(WebhookInboxItem batch, CancellationToken cancellationToken)
    {
        if (!WebhookEvent.TryParseBatch(Encoding.UTF8.GetBytes(batch.Payload), out var events, out var unreadable, out var error))
        {
            return new BatchOutcome(WebhookInboxStatus.Failed, null, error);
        }

        var notes = new List<string>();
        if (unreadable > 0)
        {
            notes.Add($"{unreadable} events without portalId, objectId, subscriptionType or occurredAt were ignored.");
            LogUnreadable(batch.Id, unreadable);
        }

        var byPortal = events.GroupBy(e => e.PortalId, StringComparer.Ordinal).ToList();
        var workspaces = await WorkspacesOfAsync(byPortal.Select(g => g.Key).ToList(), cancellationToken);
        Guid? matched = null;
        foreach (var portalEvents in byPortal)
        {
            if (!workspaces.TryGetValue(portalEvents.Key, out var workspaceId))
            {
                notes.Add($"{portalEvents.Count()} events of portal {portalEvents.Key}, which no workspace is connected to, were kept unapplied.");
                LogUnknownPortal(batch.Id, portalEvents.Key, portalEvents.Count());
                continue;
            }

            matched ??= workspaceId;
            var targets = WebhookTargets.From(portalEvents);
            foreach (var (type, count) in targets.UnknownTypes)
            {
                notes.Add($"{count} events of unknown subscription type '{type}' were ignored.");
                LogUnknownType(batch.Id, type, count);
            }

            if (targets.Records.Count > 0)
            {
                await ApplyAsync(batch.Id, workspaceId, targets, cancellationToken);
            }
        }

        var status = matched is null && events.Count > 0 ? WebhookInboxStatus.Unmatched : WebhookInboxStatus.Done;
        return new BatchOutcome(status, matched, notes.Count > 0 ? string.Join(" ", notes) : null);
    }

    private async Task ApplyAsync(Guid batchId, Guid workspaceId, WebhookTargets targets, CancellationToken cancellationToken)
    {
        var client = await clients.GetAsync(workspaceId, cancellationToken)
            ?? throw new InvalidOperationException($"Workspace {workspaceId} has no usable HubSpot connection, so its records cannot be re-read.");
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
        var summary = await scope.ServiceProvider.GetRequiredService<WebhookApplier>().ApplyAsync(client, targets, cancellationToken);
        LogApplied(batchId, workspaceId, summary.Refreshed, summary.Skipped, summary.Upserted, summary.Archived);
    }

    private async Task<Dictionary<string, Guid>> WorkspacesOfAsync(List<string> portals, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
        return await database.Workspaces.AsNoTracking().Where(w => w.HubSpotPortalId != null && portals.Contains(w.HubSpotPortalId))
            .ToDictionaryAsync(w => w.HubSpotPortalId!, w => w.Id, StringComparer.Ordinal, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook batch {BatchId} for workspace {WorkspaceId}: {Refreshed} records re-read, {Skipped} already current, {Upserted} upserted, {Archived} archived")]
    private partial void LogApplied(Guid batchId, Guid workspaceId, int refreshed, int skipped, int upserted, int archived);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook batch {BatchId} has {Count} events of portal {PortalId}, which no workspace is connected to; they are kept unapplied")]
    private partial void LogUnknownPortal(Guid batchId, string portalId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook batch {BatchId} has {Count} events of unknown subscription type {SubscriptionType}; they are ignored")]
    private partial void LogUnknownType(Guid batchId, string subscriptionType, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook batch {BatchId} has {Count} events without the ids needed to apply them; they are ignored")]
    private partial void LogUnreadable(Guid batchId, int count);
}
