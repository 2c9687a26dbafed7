using Abm.Data;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.WriteBack;

/// <summary>Pending rows that failed for one reason: how many, how many attempts the worst one has had, and the latest failure.</summary>
internal sealed record WriteBackFailure(string Reason, int Count, int MaxAttempts, DateTime LastFailedAt);

/// <summary>
/// The workspace's outbox as an operator needs it: how deep it is (pending and in flight), how long the oldest
/// pending row has waited, and the pending rows whose last attempt failed, grouped by HubSpot's reason.
/// </summary>
internal sealed record WriteBackStatusResponse(
    int Depth, int Pending, int Sending, DateTime? OldestPendingAt, double? OldestPendingAgeSeconds, int Failing, IReadOnlyList<WriteBackFailure> Failures);

/// <summary>Reads the outbox's state for the status route (one workspace) and the readiness check (all of them).</summary>
internal sealed class WriteBackStatusReader(AbmDbContext database, TimeProvider clock)
{
    private const int ReasonsShown = 20;

    public async Task<WriteBackStatusResponse> ReadAsync(CancellationToken cancellationToken)
    {
        var counts = await database.HubSpotOutbox.Where(o => o.Status == OutboxStatus.Pending || o.Status == OutboxStatus.Sending)
            .GroupBy(o => o.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var (pending, sending) = (counts.SingleOrDefault(c => c.Status == OutboxStatus.Pending)?.Count ?? 0, counts.SingleOrDefault(c => c.Status == OutboxStatus.Sending)?.Count ?? 0);
        var oldest = await database.HubSpotOutbox.Where(o => o.Status == OutboxStatus.Pending).OrderBy(o => o.CreatedAt).Select(o => (DateTime?)o.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        var failures = await FailuresAsync(database.HubSpotOutbox, cancellationToken);
        return new WriteBackStatusResponse(
            pending + sending, pending, sending, oldest, oldest is { } at ? (clock.GetUtcNow().UtcDateTime - at).TotalSeconds : null, failures.Sum(f => f.Count), failures);
    }

    /// <summary>Failing rows of every workspace, for readiness.</summary>
    public Task<List<WriteBackFailure>> FailuresOfAllWorkspacesAsync(CancellationToken cancellationToken) =>
        FailuresAsync(database.HubSpotOutbox.IgnoreQueryFilters(), cancellationToken);

    private static async Task<List<WriteBackFailure>> FailuresAsync(IQueryable<Abm.Data.Entities.HubSpotOutboxItem> outbox, CancellationToken cancellationToken)
    {
        var failures = await outbox.Where(o => o.Status == OutboxStatus.Pending && o.Error != null)
            .GroupBy(o => o.Error!)
            .Select(g => new { Reason = g.Key, Count = g.Count(), MaxAttempts = g.Max(o => o.Attempts), LastFailedAt = g.Max(o => o.UpdatedAt) })
            .ToListAsync(cancellationToken);
        return failures.OrderByDescending(f => f.Count).ThenBy(f => f.Reason, StringComparer.Ordinal).Take(ReasonsShown)
            .Select(f => new WriteBackFailure(f.Reason, f.Count, f.MaxAttempts, f.LastFailedAt)).ToList();
    }
}
