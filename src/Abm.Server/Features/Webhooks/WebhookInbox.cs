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
internal sealed class WebhookInbox(AbmDbContext database, WebhookInboxGate gate, TimeProvider clock, IOptions<WebhookOptions> options)
{
    /// <summary>How long a claim holds; a batch its instance did not settle by then is claimed again.</summary>
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    /// <summary>Stores the batches in one transaction, due at once.</summary>
    public async Task AddAsync(IEnumerable<byte[]> bodies, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        database.WebhookInbox.AddRange(bodies.Select(body => new WebhookInboxItem
        {
            Id = Guid.CreateVersion7(), Payload = Encoding.UTF8.GetString(body), Status = WebhookInboxStatus.Pending,
            ReceivedAt = now, NextAttemptAt = now,
        }));
        using var turn = await gate.EnterAsync(IsSqlite, cancellationToken);
        await database.SaveChangesAsync(cancellationToken);
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

    /// <summary>Records how the batches ended in one transaction: on SQLite every commit is a disk flush.</summary>
    public async Task SettleAsync(IReadOnlyList<(Guid Id, BatchOutcome Outcome)> settled, CancellationToken cancellationToken)
    {
        if (settled.Count == 0)
        {
            return;
        }

        using var turn = await gate.EnterAsync(IsSqlite, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (id, outcome) in settled)
        {
            await database.WebhookInbox.Where(i => i.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, outcome.Status)
                .SetProperty(i => i.WorkspaceId, outcome.WorkspaceId)
                .SetProperty(i => i.Error, Trim(outcome.Note))
                .SetProperty(i => i.ProcessedAt, now), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Back to pending after an exponential back-off, or failed for good after the last allowed attempt.</summary>
    public async Task FailAsync(WebhookInboxItem row, string error, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(IsSqlite, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var givesUp = row.Attempts >= options.Value.MaxAttempts;
        var wait = TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, Math.Max(0, row.Attempts - 1)), MaxBackoff.TotalSeconds));
        await database.WebhookInbox.Where(i => i.Id == row.Id).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, givesUp ? WebhookInboxStatus.Failed : WebhookInboxStatus.Pending)
            .SetProperty(i => i.NextAttemptAt, now + wait)
            .SetProperty(i => i.Error, Trim(error))
            .SetProperty(i => i.ProcessedAt, givesUp ? now : null), cancellationToken);
    }

    private bool IsSqlite => database.Database.IsSqlite();

    private static string? Trim(string? text) => text is { Length: > 2000 } ? text[..2000] : text;
}
