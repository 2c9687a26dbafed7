using Abm.Data;
using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Which server instance calls a workspace's portal. HubSpot's limits are per portal, so only the holder of
/// a portal's unexpired lease syncs it; the holder renews it on every run and the others skip it, taking over
/// once it expires (a crashed holder frees its portals within one lease period).
/// </summary>
internal sealed class PortalLeases(AbmDbContext database, IOptions<SyncOptions> options, TimeProvider clock)
{
    /// <summary>This process, as named in lease rows.</summary>
    public static readonly string Holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public async Task<bool> TryAcquireAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expiresAt = now.AddSeconds(options.Value.LeaseSeconds);
        // One conditional UPDATE decides between instances racing for an existing row.
        var renewed = await database.PortalLeases
            .Where(l => l.WorkspaceId == workspaceId && (l.Holder == Holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, Holder).SetProperty(l => l.ExpiresAt, expiresAt), cancellationToken);
        if (renewed > 0)
        {
            return true;
        }

        if (await database.PortalLeases.AnyAsync(l => l.WorkspaceId == workspaceId, cancellationToken))
        {
            return false;
        }

        database.PortalLeases.Add(new PortalLease { WorkspaceId = workspaceId, Holder = Holder, ExpiresAt = expiresAt });
        try
        {
            await database.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the row first; it holds the lease.
            database.ChangeTracker.Clear();
            return false;
        }
    }

    public Task ReleaseAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        database.PortalLeases.Where(l => l.WorkspaceId == workspaceId && l.Holder == Holder).ExecuteDeleteAsync(cancellationToken);
}
