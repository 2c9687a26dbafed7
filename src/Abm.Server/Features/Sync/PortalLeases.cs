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

        if (await database.PortalLeases.AsNoTracking().SingleOrDefaultAsync(l => l.WorkspaceId == workspaceId, cancellationToken) is { } held)
        {
            // A holder on this machine whose process is gone (killed, crashed) cannot renew: take over now
            // rather than wait for its lease to lapse.
            return IsDeadLocalHolder(held.Holder) && await database.PortalLeases
                .Where(l => l.WorkspaceId == workspaceId && l.Holder == held.Holder)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, Holder).SetProperty(l => l.ExpiresAt, expiresAt), cancellationToken) > 0;
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

    /// <summary>True when <paramref name="holder"/> names a process of this machine that is no longer running.</summary>
    public static bool IsDeadLocalHolder(string holder)
    {
        var parts = holder.Split('/');
        if (parts.Length != 3 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var processId))
        {
            return false;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    public Task ReleaseAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        database.PortalLeases.Where(l => l.WorkspaceId == workspaceId && l.Holder == Holder).ExecuteDeleteAsync(cancellationToken);
}
