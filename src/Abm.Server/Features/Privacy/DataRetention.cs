using System.Linq.Expressions;
using Abm.Data;
using Abm.Server.Features.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Privacy;

/// <summary>What one retention pass deleted: raw events per workspace, and settled webhook batches.</summary>
internal sealed record RetentionReport(IReadOnlyDictionary<Guid, int> Events, int WebhookBatches);

/// <summary>
/// Deletes what is kept past its window: each workspace's raw engagement events older than its
/// <c>event_retention_days</c> (730 by default), and settled webhook batches older than
/// <see cref="RetentionOptions.WebhookHistoryDays"/> (pending ones stay, whatever their age). Rows go in bounded
/// batches, one statement each. Events are deleted, not rolled up: scores read only the events in their window (90
/// days by default), and the shortest retention allowed is 90 days. (Sent write-back rows have their own window, WriteBack:HistoryDays.) A system job
/// across workspaces, so the filters are ignored on purpose.
/// </summary>
internal sealed class DataRetention(AbmDbContext database, IOptions<RetentionOptions> options, TimeProvider clock)
{
    public async Task<RetentionReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var batch = options.Value.BatchSize;
        var workspaces = await database.Workspaces.AsNoTracking().Select(w => new { w.Id, w.EventRetentionDays }).ToListAsync(cancellationToken);
        var events = new Dictionary<Guid, int>();
        foreach (var workspace in workspaces)
        {
            var (id, cutoff) = (workspace.Id, now.AddDays(-workspace.EventRetentionDays));
            var old = database.EngagementEvents.IgnoreQueryFilters().Where(e => e.WorkspaceId == id && e.OccurredAt < cutoff);
            events[id] = await DeleteInBatchesAsync(old, e => e.Id, batch, cancellationToken);
        }

        var webhookCutoff = now.AddDays(-options.Value.WebhookHistoryDays);
        var settled = database.WebhookInbox.Where(b => b.ReceivedAt < webhookCutoff
            && (b.Status == WebhookInboxStatus.Done || b.Status == WebhookInboxStatus.Unmatched || b.Status == WebhookInboxStatus.Failed));
        var batches = await DeleteInBatchesAsync(settled, b => b.Id, batch, cancellationToken);
        return new RetentionReport(events, batches);
    }

    /// <summary>Deletes the rows a page of ids at a time, until a page comes back short.</summary>
    private static async Task<int> DeleteInBatchesAsync<T>(IQueryable<T> rows, Expression<Func<T, Guid>> key, int batch, CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            var ids = await rows.Select(key).Take(batch).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return deleted;
            }

            deleted += await rows.Where(ContainsKey(key, ids)).ExecuteDeleteAsync(cancellationToken);
            if (ids.Count < batch)
            {
                return deleted;
            }
        }
    }

    // rows.Where(r => ids.Contains(key(r))), built once for any key.
    private static Expression<Func<T, bool>> ContainsKey<T>(Expression<Func<T, Guid>> key, List<Guid> ids)
    {
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)],
            Expression.Constant(ids), key.Body);
        return Expression.Lambda<Func<T, bool>>(contains, key.Parameters);
    }
}
