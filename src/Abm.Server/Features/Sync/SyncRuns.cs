using System.Security.Claims;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines.Segments;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Connections;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Queues sync runs and reads where sync stands for the current workspace: the work behind the sync routes,
/// called as well by the dashboard's sync page so both answer the same.
/// </summary>
internal sealed class SyncRuns(
    HubSpotClients clients, AbmDbContext database, SyncSignal signal, AuditTrail audit, TimeProvider clock, SegmentRuleStore rules, AbandonedRuns abandoned)
{
    /// <summary>Queues a run and wakes the worker; null when the workspace has no HubSpot connection to sync from.</summary>
    /// <param name="request">The run's kind and optional contact cap.</param>
    /// <param name="user">Who asked: the workspace synced and the audit's actor.</param>
    /// <param name="trigger">Where the request came from, kept on the run: <c>api</c> or <c>dashboard</c>.</param>
    /// <param name="cancellationToken">The caller's.</param>
    public async Task<SyncRun?> QueueAsync(SyncRequest request, ClaimsPrincipal user, string trigger, CancellationToken cancellationToken)
    {
        var workspaceId = user.WorkspaceId();
        if (await clients.GetAsync(workspaceId, cancellationToken) is null)
        {
            return null;
        }

        var run = new SyncRun
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspaceId,
            Kind = request.Kind,
            Status = SyncRunStatus.Queued,
            Trigger = trigger,
            MaxContacts = request.MaxContacts,
            StartedAt = clock.GetUtcNow().UtcDateTime,
        };
        database.SyncRuns.Add(run);
        audit.Record(workspaceId, user, "sync.requested", "sync_run", run.Id.ToString(), new { run.Kind, run.MaxContacts });
        await database.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return run;
    }

    public async Task<SyncRunResponse?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await database.SyncRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is { } run ? SyncRunResponse.From(run) : null;

    /// <summary>The workspace's latest run, whatever its state.</summary>
    public async Task<SyncRunResponse?> LatestAsync(CancellationToken cancellationToken) =>
        await database.SyncRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).FirstOrDefaultAsync(cancellationToken) is { } run ? SyncRunResponse.From(run) : null;

    /// <summary>Local record counts, contacts per segment, the ten latest runs and each object type's sync state.</summary>
    public async Task<SyncStatsResponse> StatsAsync(CancellationToken cancellationToken)
    {
        await abandoned.MarkAsync(cancellationToken);
        var live = database.Contacts.Where(c => c.ArchivedAt == null);
        // One count per known segment: a handful of indexed queries instead of unpacking every contact's tags.
        var names = ContactSegmenter.BuiltIn.Concat((await rules.GetAsync(cancellationToken)).Select(r => r.Segment)).Distinct(StringComparer.Ordinal);
        var segments = new List<(string Segment, int Count)>();
        foreach (var name in names)
        {
            segments.Add((name, await live.CountAsync(c => c.Segments.Contains(name), cancellationToken)));
        }

        var runs = await database.SyncRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(10).ToListAsync(cancellationToken);
        var states = await database.SyncStates.AsNoTracking().OrderBy(s => s.ObjectType).ToListAsync(cancellationToken);
        return new SyncStatsResponse(
            await live.CountAsync(cancellationToken),
            await database.Companies.CountAsync(c => c.ArchivedAt == null, cancellationToken),
            await database.Deals.CountAsync(d => d.ArchivedAt == null, cancellationToken),
            await database.Owners.CountAsync(cancellationToken),
            segments.OrderBy(s => s.Segment, StringComparer.Ordinal).ToDictionary(s => s.Segment, s => s.Count),
            runs.FirstOrDefault(r => r.Status is not SyncRunStatus.Queued) is { } last ? SyncRunResponse.From(last) : null,
            [.. runs.Select(SyncRunResponse.From)],
            [.. states.Select(s => new SyncObjectState(s.ObjectType, s.FullSyncCompleted, s.FullSyncStartedAt, s.IncrementalWatermark, s.LastRunAt))]);
    }
}
