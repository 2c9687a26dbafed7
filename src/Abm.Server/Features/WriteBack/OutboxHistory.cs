using Abm.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.WriteBack;

/// <summary>
/// Keeps the outbox from growing with every score change. Finished rows older than
/// <see cref="WriteBackOptions.HistoryDays"/> are deleted, except each record's newest sent row: that is what
/// HubSpot holds, and a recompute compares against it to decide whether a change is worth writing.
/// </summary>
internal sealed class OutboxHistory(AbmDbContext database, TimeProvider clock, IOptions<WriteBackOptions> options)
{
    /// <summary>Prunes every workspace's history (a system job, outside any one workspace); returns the rows deleted.</summary>
    public Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.HistoryDays);
        var outbox = database.HubSpotOutbox.IgnoreQueryFilters();
        return outbox
            .Where(o => o.UpdatedAt < cutoff && (o.Status == OutboxStatus.Dropped || o.Status == OutboxStatus.Superseded || o.Status == OutboxStatus.Withheld
                || (o.Status == OutboxStatus.Sent && outbox.Any(newer => newer.WorkspaceId == o.WorkspaceId && newer.ObjectType == o.ObjectType
                    && newer.HubSpotId == o.HubSpotId && newer.Status != OutboxStatus.Superseded && newer.UpdatedAt > o.UpdatedAt))))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
