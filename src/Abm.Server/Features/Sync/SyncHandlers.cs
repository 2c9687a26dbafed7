using System.Security.Claims;
using Abm.Data;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Sync;

internal static class SyncHandlers
{
    public static async Task<Results<Accepted<SyncRunResponse>, ProblemHttpResult>> QueueAsync(
        SyncRequest? request, ClaimsPrincipal user, SyncRuns runs, CancellationToken cancellationToken) =>
        await runs.QueueAsync(request ?? new SyncRequest(null, null), user, "api", cancellationToken) is { } run
            ? TypedResults.Accepted($"/api/sync/runs/{run.Id}", SyncRunResponse.From(run))
            : ApiProblems.Conflict("No HubSpot connection", "Connect this workspace to a HubSpot portal (POST /api/connections) before syncing.");

    public static async Task<Results<Ok<SyncRunResponse>, ProblemHttpResult>> GetRunAsync(Guid id, SyncRuns runs, CancellationToken cancellationToken) =>
        await runs.FindAsync(id, cancellationToken) is { } run
            ? TypedResults.Ok(run)
            : ApiProblems.NotFound("Sync run not found", $"No sync run {id} in this workspace.");

    public static async Task<Ok<SyncStatsResponse>> StatsAsync(SyncRuns runs, CancellationToken cancellationToken) =>
        TypedResults.Ok(await runs.StatsAsync(cancellationToken));

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
        SegmentRulesDocument document, ClaimsPrincipal user, SegmentRuleChange change, CancellationToken cancellationToken) =>
        TypedResults.Ok(await change.ReplaceAsync(document.Rules, user, cancellationToken));
}

internal sealed record DeletedContactsResponse(int Deleted);
