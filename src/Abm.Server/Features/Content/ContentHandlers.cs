using System.Security.Claims;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Content;

/// <summary>The workspace's content library. Deleting archives: events and recommendations keep their item.</summary>
internal static class ContentHandlers
{
    private const int MaxPageSize = 500;

    public static async Task<Results<Ok<ContentPage>, ValidationProblem>> ListAsync(
        AbmDbContext database, string? type, int? limit, int? offset, CancellationToken cancellationToken)
    {
        var (take, skip) = (limit ?? 50, offset ?? 0);
        if (take is < 1 or > MaxPageSize || skip < 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [take is < 1 or > MaxPageSize ? "limit" : "offset"] = [$"limit must be 1..{MaxPageSize} and offset at least 0."],
            });
        }

        var query = database.ContentItems.Where(c => c.ArchivedAt == null);
        if (!string.IsNullOrWhiteSpace(type))
        {
            query = query.Where(c => c.ContentType == type);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(c => c.Title).ThenBy(c => c.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ContentPage(items.Select(ContentItemResponse.From).ToList(), total, take, skip));
    }

    public static async Task<Results<Ok<ContentItemResponse>, ProblemHttpResult>> GetAsync(Guid id, AbmDbContext database, CancellationToken cancellationToken) =>
        await Find(database, id, cancellationToken) is { } item ? TypedResults.Ok(ContentItemResponse.From(item)) : NotFound(id);

    public static async Task<Results<Created<ContentItemResponse>, ProblemHttpResult>> CreateAsync(
        ContentItemRequest request, ClaimsPrincipal user, AbmDbContext database, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ExternalIdTakenAsync(database, request.ExternalId, null, cancellationToken))
        {
            return DuplicateExternalId(request.ExternalId!);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var item = new ContentItem { Id = Guid.CreateVersion7(), WorkspaceId = user.WorkspaceId(), Title = request.Title, ContentType = request.ContentType, CreatedAt = now, UpdatedAt = now };
        request.ApplyTo(item);
        database.ContentItems.Add(item);
        audit.Record(item.WorkspaceId, user, "content.created", "content_item", item.Id.ToString(), new { item.Title });
        await database.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/content/{item.Id}", ContentItemResponse.From(item));
    }

    public static async Task<Results<Ok<ContentItemResponse>, ProblemHttpResult>> ReplaceAsync(
        Guid id, ContentItemRequest request, ClaimsPrincipal user, AbmDbContext database, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var item = await Find(database, id, cancellationToken);
        if (item is null)
        {
            return NotFound(id);
        }

        if (await ExternalIdTakenAsync(database, request.ExternalId, id, cancellationToken))
        {
            return DuplicateExternalId(request.ExternalId!);
        }

        request.ApplyTo(item);
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(item.WorkspaceId, user, "content.replaced", "content_item", item.Id.ToString(), new { item.Title });
        await database.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ContentItemResponse.From(item));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ArchiveAsync(
        Guid id, ClaimsPrincipal user, AbmDbContext database, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var item = await Find(database, id, cancellationToken);
        if (item is null)
        {
            return NotFound(id);
        }

        // Touching UpdatedAt changes the library version, so cached recommenders drop the item.
        item.ArchivedAt = item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(item.WorkspaceId, user, "content.archived", "content_item", item.Id.ToString(), new { item.Title });
        await database.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<ContentItem?> Find(AbmDbContext database, Guid id, CancellationToken cancellationToken) =>
        database.ContentItems.SingleOrDefaultAsync(c => c.Id == id && c.ArchivedAt == null, cancellationToken);

    private static async Task<bool> ExternalIdTakenAsync(AbmDbContext database, string? externalId, Guid? except, CancellationToken cancellationToken) =>
        externalId is not null && await database.ContentItems.AnyAsync(c => c.ExternalId == externalId && c.Id != except, cancellationToken);

    private static ProblemHttpResult DuplicateExternalId(string externalId) =>
        ApiProblems.Conflict("Duplicate external id", $"Another content item already has externalId '{externalId}'.");

    private static ProblemHttpResult NotFound(Guid id) => ApiProblems.NotFound("Content item not found", $"No content item {id} in this workspace.");
}
