using System.Globalization;
using Abm.Data;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Gives up the current workspace's runs left <c>running</c> by a process that is gone (killed, crashed,
/// its machine lost): the run's holder no longer holds the portal's lease (it lapsed, or another process took
/// it), or the holder is a process of this machine that has exited. The row says when and why, so
/// <c>/api/sync/stats</c> stops showing a run that will never end.
/// </summary>
internal sealed partial class AbandonedRuns(AbmDbContext database, TimeProvider clock, ILogger<AbandonedRuns> logger)
{
    public async Task<int> MarkAsync(CancellationToken cancellationToken)
    {
        // This process's own runs are alive: its runner records their end whatever happens.
        var running = await database.SyncRuns.Where(r => r.Status == SyncRunStatus.Running && (r.Holder == null || r.Holder != PortalLeases.Holder)).ToListAsync(cancellationToken);
        if (running.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var leases = await database.PortalLeases.AsNoTracking().Where(l => running.Select(r => r.WorkspaceId).Contains(l.WorkspaceId)).ToListAsync(cancellationToken);
        var marked = 0;
        foreach (var run in running)
        {
            var lease = leases.SingleOrDefault(l => l.WorkspaceId == run.WorkspaceId);
            if (WhyGone(run.Holder, lease?.Holder, lease?.ExpiresAt, now) is not { } reason)
            {
                continue;
            }

            (run.Status, run.AbandonedAt, run.AbandonedReason) = (SyncRunStatus.Abandoned, now, reason);
            LogAbandoned(run.Id, reason);
            marked++;
        }

        await database.SaveChangesAsync(cancellationToken);
        return marked;
    }

    /// <summary>Why the run's holder can no longer be running it, or null while it may be.</summary>
    private static string? WhyGone(string? runHolder, string? leaseHolder, DateTime? leaseExpiresAt, DateTime now)
    {
        if (runHolder is not null && PortalLeases.IsDeadLocalHolder(runHolder))
        {
            return $"Its holder {runHolder} is no longer running on this machine.";
        }

        if (leaseHolder is null)
        {
            return $"Its holder {runHolder ?? "(not recorded)"} holds no lease on the portal.";
        }

        if (leaseHolder != runHolder)
        {
            return $"Its holder {runHolder ?? "(not recorded)"} lost the portal's lease to {leaseHolder}.";
        }

        // A live runner renews its lease while it runs, so a lapsed lease means the holder stopped.
        return leaseExpiresAt < now
            ? string.Create(CultureInfo.InvariantCulture, $"The portal lease of its holder {runHolder} expired at {leaseExpiresAt:O} without being renewed.")
            : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync run {RunId} marked abandoned: {Reason}")]
    private partial void LogAbandoned(Guid runId, string reason);
}
