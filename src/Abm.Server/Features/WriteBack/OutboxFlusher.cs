using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.HubSpot;
using Abm.Server.Database;
using Abm.HubSpot.Crm;
using Abm.Server.Features.Engagement;
using Abm.Server.Features.Privacy;
using Abm.Server.Features.Provisioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.WriteBack;

/// <summary>What a flush did; <c>Withheld</c> counts rows left with nothing to send once a profile was withheld.</summary>
internal sealed record FlushSummary(int Calls, int Sent, int Retrying, int Dropped, int Withheld = 0);

/// <summary>
/// Sends due outbox rows of the current workspace to HubSpot with batch update, 100 records per call
/// (the client paces the calls under the portal's limit). Each record's fate is decided from the 207 answer:
/// sent, dropped when HubSpot no longer has it, or retried later with back-off; a record is never lost.
/// Right before the call, a contact who withdrew profiling loses the profile values of its row (see <see cref="ProfilingConsent"/>):
/// the last gate, so no value queued before the withdrawal, nor by any feature, reaches HubSpot after it.
/// </summary>
internal sealed partial class OutboxFlusher(
    AbmDbContext database, PortalProvisioning provisioning, ProfilingConsent profiling, TimeProvider clock, IOptions<WriteBackOptions> options,
    ILogger<OutboxFlusher> logger)
{
    private const int BatchSize = 100;

    public async Task<FlushSummary> FlushAsync(HubSpotClient client, CancellationToken cancellationToken)
    {
        var (calls, sent, retrying, dropped, withheld) = (0, 0, 0, 0, 0);
        // Only what was due when the pass began: a row that fails goes back with a later due time, so a record
        // HubSpot keeps refusing waits for a later pass instead of keeping this one going.
        var dueBy = clock.GetUtcNow().UtcDateTime;
        while (await ClaimAsync(dueBy, cancellationToken) is { Count: > 0 } claimed)
        {
            var rows = await WithholdProfilesAsync(claimed, cancellationToken);
            withheld += claimed.Count - rows.Count;
            if (rows.Count == 0)
            {
                await database.SaveChangesAsync(cancellationToken);
                database.ChangeTracker.Clear();
                continue;
            }

            if (calls == 0)
            {
                // Writing to properties the portal lacks fails every row; the first pass through a client creates them.
                await provisioning.EnsureAsync(rows[0].WorkspaceId, client, cancellationToken);
            }

            calls++;
            var objectType = rows[0].ObjectType;
            CrmBatchResult result;
            try
            {
                var updates = rows.Select(r => new CrmRecordUpdate(r.HubSpotId, JsonSerializer.Deserialize<Dictionary<string, string?>>(r.Properties)!)).ToList();
                result = await client.Crm.BatchUpdateAsync(objectType, updates, cancellationToken: cancellationToken);
            }
            catch (Exception error) when (HubSpotFailure.Is(error))
            {
                // The whole call failed after the client's own retries: every row waits its back-off, and this run stops.
                await RequeueAsync(rows, error.Message, cancellationToken);
                LogCallFailed(objectType, rows.Count, error.GetType().Name, error.Message);
                retrying += rows.Count;
                break;
            }

            var outcome = await SettleAsync(rows, result, cancellationToken);
            (sent, retrying, dropped) = (sent + outcome.Sent, retrying + outcome.Retrying, dropped + outcome.Dropped);
            // Settled rows are done with; tracking them all would make every later batch slower to save.
            database.ChangeTracker.Clear();
        }

        return new FlushSummary(calls, sent, retrying, dropped, withheld);
    }

    /// <summary>
    /// The rows still worth a call: for contacts who withdrew profiling, the profile values are taken out of the row (so its
    /// history shows what HubSpot was sent), and a row left empty is marked withheld. Saved with the batch's outcome.
    /// </summary>
    private async Task<List<HubSpotOutboxItem>> WithholdProfilesAsync(List<HubSpotOutboxItem> rows, CancellationToken cancellationToken)
    {
        if (rows[0].ObjectType != WriteBackQueue.ContactObject
            || await profiling.WithdrawnByHubSpotIdAsync([.. rows.Select(r => r.HubSpotId)], cancellationToken) is not { Count: > 0 } withdrawn)
        {
            return rows;
        }

        var sendable = new List<HubSpotOutboxItem>(rows.Count);
        foreach (var row in rows)
        {
            if (withdrawn.Contains(row.HubSpotId))
            {
                var kept = ProfilingConsent.Withhold(JsonSerializer.Deserialize<Dictionary<string, string?>>(row.Properties)!);
                row.Properties = JsonSerializer.Serialize(kept);
                if (kept.Count == 0)
                {
                    row.Status = OutboxStatus.Withheld;
                    row.Error = "The contact withdrew profiling: ABM's profile values are not written to HubSpot.";
                    row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
                    continue;
                }
            }

            sendable.Add(row);
        }

        return sendable;
    }

    /// <summary>
    /// Moves up to 100 due rows of one object type to "sending" and returns them, in one statement, so values
    /// arriving meanwhile start a new pending row. On PostgreSQL, SKIP LOCKED lets instances sharing the
    /// database claim different rows: no row is sent twice. SQLite allows one writer at a time, so the same
    /// statement is exclusive there.
    /// </summary>
    private async Task<List<HubSpotOutboxItem>> ClaimAsync(DateTime dueBy, CancellationToken cancellationToken)
    {
        var workspaceId = database.CurrentWorkspaceId ?? throw new InvalidOperationException("The outbox is flushed for one workspace at a time.");
        var lockClause = RowClaims.LockClause(database);
        var claim = FormattableStringFactory.Create(
            $$"""
            UPDATE hubspot_outbox SET status = {0}, attempts = attempts + 1, updated_at = {1}
            WHERE id IN (SELECT id FROM hubspot_outbox
                         WHERE workspace_id = {2} AND status = {3} AND next_attempt_at <= {4}
                           AND object_type = (SELECT object_type FROM hubspot_outbox
                                              WHERE workspace_id = {2} AND status = {3} AND next_attempt_at <= {4}
                                              ORDER BY next_attempt_at LIMIT 1)
                         ORDER BY next_attempt_at LIMIT {5} {{lockClause}})
            RETURNING *
            """,
            OutboxStatus.Sending, clock.GetUtcNow().UtcDateTime, workspaceId, OutboxStatus.Pending, dueBy, BatchSize);
        // The statement names its workspace itself: the workspace filter cannot be composed over an UPDATE.
        return await database.HubSpotOutbox.FromSql(claim).IgnoreQueryFilters().ToListAsync(cancellationToken);
    }

    private async Task<(int Sent, int Retrying, int Dropped)> SettleAsync(List<HubSpotOutboxItem> rows, CrmBatchResult result, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var written = result.Records.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var errors = result.Errors.SelectMany(e => e.InputIndexes.Select(i => (Index: i, Error: e))).ToDictionary(x => x.Index, x => x.Error);
        var failed = new List<(HubSpotOutboxItem Row, string Reason)>();
        var (sent, dropped) = (0, 0);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (written.Contains(row.HubSpotId))
            {
                row.Status = OutboxStatus.Sent;
                row.SentAt = now;
                row.Error = null;
                sent++;
            }
            else if (errors.GetValueOrDefault(i) is { } error && IsGone(error))
            {
                row.Status = OutboxStatus.Dropped;
                row.Error = error.Message;
                LogDropped(row.ObjectType, row.HubSpotId);
                dropped++;
            }
            else
            {
                failed.Add((row, errors.GetValueOrDefault(i)?.Message ?? "HubSpot did not confirm the update."));
            }
        }

        await database.SaveChangesAsync(cancellationToken);
        foreach (var byReason in failed.GroupBy(f => f.Reason, StringComparer.Ordinal))
        {
            await RequeueAsync([.. byReason.Select(f => f.Row)], byReason.Key, cancellationToken);
            LogRefused(byReason.Count(), rows[0].ObjectType, byReason.Key);
        }

        return (sent, failed.Count, dropped);
    }

    private static bool IsGone(CrmBatchError error) =>
        error.StatusCode == HttpStatusCode.NotFound || string.Equals(error.Category, "OBJECT_NOT_FOUND", StringComparison.Ordinal);

    /// <summary>
    /// Back to pending with exponential back-off. If newer values for the record arrived while it was being
    /// sent, the failed values merge under them (newer wins) and the old row is marked superseded.
    /// </summary>
    private async Task RequeueAsync(List<HubSpotOutboxItem> rows, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = rows.Select(r => r.HubSpotId).Distinct(StringComparer.Ordinal).ToList();
        var objectType = rows[0].ObjectType;
        var newerRows = await database.HubSpotOutbox
            .Where(o => o.Status == OutboxStatus.Pending && o.ObjectType == objectType && ids.Contains(o.HubSpotId))
            .ToDictionaryAsync(o => o.HubSpotId, StringComparer.Ordinal, cancellationToken);
        foreach (var row in rows)
        {
            var wait = TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, Math.Max(0, row.Attempts - 1)), options.Value.MaxBackoffMinutes * 60));
            row.Error = reason.Length > 1000 ? reason[..1000] : reason;
            row.UpdatedAt = now;
            if (!newerRows.TryGetValue(row.HubSpotId, out var newer))
            {
                row.Status = OutboxStatus.Pending;
                row.NextAttemptAt = now + wait;
                continue;
            }

            var merged = JsonSerializer.Deserialize<Dictionary<string, string?>>(row.Properties)!;
            foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string?>>(newer.Properties)!)
            {
                merged[name] = value;
            }

            newer.Properties = JsonSerializer.Serialize(merged);
            newer.Attempts = Math.Max(newer.Attempts, row.Attempts);
            newer.NextAttemptAt = now + wait;
            row.Status = OutboxStatus.Superseded;
        }

        await database.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "HubSpot {ObjectType} {HubSpotId} no longer exists; its pending write-back was dropped")]
    private partial void LogDropped(string objectType, string hubSpotId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Write-back of {Count} {ObjectType} failed ({ErrorType}: {Reason}); the rows will be retried with back-off (GET /api/writeback/status)")]
    private partial void LogCallFailed(string objectType, int count, string errorType, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "HubSpot refused the write-back of {Count} {ObjectType}: {Reason}; the rows will be retried with back-off (GET /api/writeback/status)")]
    private partial void LogRefused(int count, string objectType, string reason);
}
