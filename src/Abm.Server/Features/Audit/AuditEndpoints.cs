using System.Text.Json;
using Abm.Data;
using Abm.Server.Features.Access;
using Abm.Server.Features.Listing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Audit;

/// <summary>One audited action: who, when, what (action and the thing acted on, with details) and from where.</summary>
internal sealed record AuditEntryResponse(
    Guid Id, DateTime OccurredAt, string Actor, string Action, string EntityType, string? EntityId, JsonElement? Details, string? Source);

internal sealed record AuditPage(IReadOnlyList<AuditEntryResponse> Items, int Total, int Limit, int Offset);

/// <summary>
/// <c>GET /api/audit</c> (admins): the workspace's audit log, newest first, filtered and paged. There is no route that
/// changes or deletes an entry: the log is written only by the actions it records.
/// </summary>
internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder group)
    {
        group.WithTags("Audit").RequireAuthorization(AccessPolicies.Admin);
        group.MapGet("/", ListAsync).WithName("ListAuditEntries")
            .WithSummary("The audit log, newest first: filter by action, actor, entityType, entityId, since and until; limit 1-500 (default 100), offset.");
        return group;
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync(
        string? action, string? actor, string? entityType, string? entityId, string? since, string? until, string? limit, string? offset,
        AbmDbContext database, CancellationToken cancellationToken)
    {
        var reader = new QueryReader();
        var (byAction, byActor, byType, byEntity) = (reader.Text("action", action), reader.Text("actor", actor), reader.Text("entityType", entityType), reader.Text("entityId", entityId));
        var (from, to) = (reader.Moment("since", since), reader.Moment("until", until));
        var (take, skip) = (reader.Integer("limit", limit, 100, 1, 500), reader.Integer("offset", offset, 0, 0, int.MaxValue));
        if (reader.HasErrors)
        {
            return TypedResults.ValidationProblem(reader.Errors);
        }

        var entries = database.AuditLog.AsNoTracking();
        entries = byAction is null ? entries : entries.Where(e => e.Action == byAction);
        entries = byActor is null ? entries : entries.Where(e => e.Actor == byActor);
        entries = byType is null ? entries : entries.Where(e => e.EntityType == byType);
        entries = byEntity is null ? entries : entries.Where(e => e.EntityId == byEntity);
        entries = from is null ? entries : entries.Where(e => e.OccurredAt >= from);
        entries = to is null ? entries : entries.Where(e => e.OccurredAt < to);
        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        var items = rows.Select(e => new AuditEntryResponse(
            e.Id, e.OccurredAt, e.Actor, e.Action, e.EntityType, e.EntityId, e.Details is null ? null : JsonDocument.Parse(e.Details).RootElement.Clone(), e.Source)).ToList();
        return TypedResults.Ok(new AuditPage(items, total, take, skip));
    }
}
