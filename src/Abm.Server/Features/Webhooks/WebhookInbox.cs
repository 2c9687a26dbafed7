using System.Text;
using Abm.Data;
using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Webhooks;

/// <summary>
/// The durable inbox: batches are stored as received, claimed by whichever instance gets there first, and
/// settled once applied. On PostgreSQL claims skip rows another instance has locked, so instances share the work.
/// </summary>
internal sealed class WebhookInbox(
    AbmDbContext database, WebhookReplayCache replays, WebhookInboxGate gate, TimeProvider clock, IOptions<WebhookOptions> options)
{
    /// <summary>How long a claim holds; a batch its instance did not settle by then is claimed again.</summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    // Ids per UPDATE ... WHERE id IN (...): well within both databases' limits on parameters.
    private const int UpdateChunk = 500;

    /// <summary>
    /// Stores the batches in one transaction, due at once, except replays: a batch whose signature is already in
    /// the replay cache (or earlier in the same group) is not stored again. Returns which requests were replays.
    /// </summary>
    public async Task<bool[]> AddAsync(IReadOnlyList<(byte[] Body, WebhookReplayKey Key)> batches, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using var turn = await gate.EnterAsync(IsSqlite, cancellationToken);
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        var fresh = await replays.AddNewAsync([.. batches.Select(b => b.Key)], cancellationToken);
        var replayed = new bool[batches.Count];
        for (var i = 0; i < batches.Count; i++)
        {
            // Removing the key as it is used makes a second request with it in this group a replay too.
            if (!fresh.Remove(Convert.ToHexString(batches[i].Key.Hash)))
            {
                replayed[i] = true;
                continue;
            }

            database.WebhookInbox.Add(new WebhookInboxItem
            {
                Id = Guid.CreateVersion7(), Payload = Encoding.UTF8.GetString(batches[i].Body), Status = WebhookInboxStatus.Pending,
                ReceivedAt = now, NextAttemptAt = now,
            });
        }

        await database.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return replayed;
    }

    /// <summary>Claims up to <paramref name="count"/> due batches, oldest first, and counts the attempt.</summary>
    public async Task<List<WebhookInboxItem>> ClaimAsync(int count, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(IsSqlite, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var claimedUntil = now + ClaimDuration;
        var (pending, processing) = (WebhookInboxStatus.Pending, WebhookInboxStatus.Processing);
        // One statement claims and returns the rows; SKIP LOCKED lets concurrent instances take different rows.
        // SQLite runs one instance and serialises writers, so the plain statement is already exclusive there.
        var rows = !IsSqlite
            ? database.WebhookInbox.FromSql($"""
                UPDATE webhook_inbox SET status = {processing}, attempts = attempts + 1, next_attempt_at = {claimedUntil}
                WHERE id IN (SELECT id FROM webhook_inbox WHERE status IN ({pending}, {processing}) AND next_attempt_at <= {now}
                             ORDER BY next_attempt_at LIMIT {count} FOR UPDATE SKIP LOCKED)
                RETURNING *
                """)
            : database.WebhookInbox.FromSql($"""
                UPDATE webhook_inbox SET status = {processing}, attempts = attempts + 1, next_attempt_at = {claimedUntil}
                WHERE id IN (SELECT id FROM webhook_inbox WHERE status IN ({pending}, {processing}) AND next_attempt_at <= {now}
                             ORDER BY next_attempt_at LIMIT {count})
                RETURNING *
                """);
        return await rows.AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Records how the batches ended in one transaction (on SQLite every commit is a disk flush), with one
    /// statement per distinct outcome: pooled batches mostly share theirs.
    /// </summary>
    public async Task SettleAsync(IReadOnlyList<(Guid Id, BatchOutcome Outcome)> settled, CancellationToken cancellationToken)
    {
        if (settled.Count == 0)
        {
            return;
        }

        using var turn = await gate.EnterAsync(IsSqlite, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        foreach (var group in settled.GroupBy(s => s.Outcome))
        {
            foreach (var ids in group.Select(s => s.Id).Chunk(UpdateChunk))
            {
                var (status, workspaceId, note) = (group.Key.Status, group.Key.WorkspaceId, Trim(group.Key.Note));
                await database.WebhookInbox.Where(i => ids.Contains(i.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.Status, status)
                    .SetProperty(i => i.WorkspaceId, workspaceId)
                    .SetProperty(i => i.Error, note)
                    .SetProperty(i => i.ProcessedAt, now), cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Each batch back to pending after an exponential back-off on its own attempt count, or failed for good
    /// after the last allowed attempt; one transaction, one statement per attempt count.
    /// </summary>
    public async Task FailAsync(IReadOnlyList<(WebhookInboxItem Batch, string Error)> failures, CancellationToken cancellationToken)
    {
        if (failures.Count == 0)
        {
            return;
        }

        using var turn = await gate.EnterAsync(IsSqlite, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        foreach (var group in failures.GroupBy(f => (f.Batch.Attempts, Error: Trim(f.Error))))
        {
            var givesUp = group.Key.Attempts >= options.Value.MaxAttempts;
            var wait = TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, Math.Max(0, group.Key.Attempts - 1)), MaxBackoff.TotalSeconds));
            foreach (var ids in group.Select(f => f.Batch.Id).Chunk(UpdateChunk))
            {
                await database.WebhookInbox.Where(i => ids.Contains(i.Id)).ExecuteUpdateAsync(s => s
                    .SetProperty(i => i.Status, givesUp ? WebhookInboxStatus.Failed : WebhookInboxStatus.Pending)
                    .SetProperty(i => i.NextAttemptAt, now + wait)
                    .SetProperty(i => i.Error, group.Key.Error)
                    .SetProperty(i => i.ProcessedAt, givesUp ? now : null), cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private bool IsSqlite => database.Database.IsSqlite();

    private static string? Trim(string? text) => text is { Length: > 2000 } ? text[..2000] : text;
}
