using System.Security.Claims;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines.Segments;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Connections;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Sync;

internal static class SyncHandlers
{
    public static async Task<Results<Accepted<SyncRunResponse>, ProblemHttpResult>> QueueAsync(
        SyncRequest? request, ClaimsPrincipal user, HubSpotClients clients, AbmDbContext database, SyncSignal signal, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        request ??= new SyncRequest(null, null);
        var workspaceId = user.WorkspaceId();
        if (await clients.GetAsync(workspaceId, cancellationToken) is null)
        {
            return ApiProblems.Conflict("No HubSpot connection", "Connect this workspace to a HubSpot portal (POST /api/connections) before syncing.");
        }

        var run = new SyncRun
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspaceId,
            Kind = request.Kind,
            Status = SyncRunStatus.Queued,
            Trigger = "api",
            MaxContacts = request.MaxContacts,
            StartedAt = clock.GetUtcNow().UtcDateTime,
        };
        database.SyncRuns.Add(run);
        audit.Record(workspaceId, user, "sync.requested", "sync_run", run.Id.ToString(), new { run.Kind, run.MaxContacts });
        await database.SaveChangesAsync(cancellationToken);
        signal.Wake();
        return TypedResults.Accepted($"/api/sync/runs/{run.Id}", SyncRunResponse.From(run));
    }

    public static async Task<Results<Ok<SyncRunResponse>, ProblemHttpResult>> GetRunAsync(Guid id, AbmDbContext database, CancellationToken cancellationToken) =>
        await database.SyncRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is { } run
            ? TypedResults.Ok(SyncRunResponse.From(run))
            : ApiProblems.NotFound("Sync run not found", $"No sync run {id} in this workspace.");

    public static async Task<Ok<SyncStatsResponse>> StatsAsync(AbmDbContext database, SegmentRuleStore rules, AbandonedRuns abandoned, CancellationToken cancellationToken)
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
        return TypedResults.Ok(new SyncStatsResponse(
            await live.CountAsync(cancellationToken),
            await database.Companies.CountAsync(c => c.ArchivedAt == null, cancellationToken),
            await database.Deals.CountAsync(d => d.ArchivedAt == null, cancellationToken),
            await database.Owners.CountAsync(cancellationToken),
            segments.OrderBy(s => s.Segment, StringComparer.Ordinal).ToDictionary(s => s.Segment, s => s.Count),
            runs.FirstOrDefault(r => r.Status is not SyncRunStatus.Queued) is { } last ? SyncRunResponse.From(last) : null,
            [.. runs.Select(SyncRunResponse.From)],
            [.. states.Select(s => new SyncObjectState(s.ObjectType, s.FullSyncCompleted, s.FullSyncStartedAt, s.IncrementalWatermark, s.LastRunAt))]));
    }

    /// <summary>Deletes the workspace's local contacts (never anything in HubSpot) and resets sync so the next run is a full one.</summary>
    public static async Task<Ok<DeletedContactsResponse>> DeleteContactsAsync(ClaimsPrincipal user, AbmDbContext database, AuditTrail audit, CancellationToken cancellationToken)
    {
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await database.Contacts.ExecuteDeleteAsync(cancellationToken);
        await database.SyncStates.ExecuteDeleteAsync(cancellationToken);
        audit.Record(user.WorkspaceId(), user, "contacts.deleted", "contact", null, new { deleted });
        await database.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new DeletedContactsResponse(deleted));
    }

    public static async Task<Ok<SegmentRulesDocument>> GetRulesAsync(SegmentRuleStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new SegmentRulesDocument([.. (await store.GetAsync(cancellationToken)).Select(SegmentRuleInput.From)]));

    public static async Task<Ok<SegmentRulesDocument>> PutRulesAsync(
        SegmentRulesDocument document, ClaimsPrincipal user, SegmentRuleStore store, SegmentRefresher refresher, AuditTrail audit, AbmDbContext database, CancellationToken cancellationToken)
    {
        var rules = document.Rules.Select(r => r.ToRule()).ToList();
        await store.SaveAsync(rules, cancellationToken);
        audit.Record(user.WorkspaceId(), user, "segments.rules_changed", "workspace", user.WorkspaceId().ToString(), new { rules = rules.Count });
        await database.SaveChangesAsync(cancellationToken);
        await refresher.RefreshAsync(cancellationToken);
        return TypedResults.Ok(new SegmentRulesDocument([.. rules.Select(SegmentRuleInput.From)]));
    }
}

internal sealed record DeletedContactsResponse(int Deleted);
