using System.Security.Claims;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Content;

/// <summary>A change to the library: the item as it now stands, or the problem the API answers (whose detail a page shows).</summary>
internal sealed record ContentChange(ContentItemResponse? Item, ProblemHttpResult? Problem);

/// <summary>
/// Creates, replaces and archives the current workspace's content items, audited: the work behind the content routes,
/// called as well by the dashboard's content page. Deleting archives: events and recommendations keep their item.
/// </summary>
internal sealed class ContentEditor(AbmDbContext database, AuditTrail audit, TimeProvider clock)
{
    public Task<ContentItem?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        database.ContentItems.SingleOrDefaultAsync(c => c.Id == id && c.ArchivedAt == null, cancellationToken);

    public async Task<ContentChange> CreateAsync(ContentItemRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await ExternalIdTakenAsync(request.ExternalId, null, cancellationToken))
        {
            return new ContentChange(null, DuplicateExternalId(request.ExternalId!));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var item = new ContentItem { Id = Guid.CreateVersion7(), WorkspaceId = user.WorkspaceId(), Title = request.Title, ContentType = request.ContentType, CreatedAt = now, UpdatedAt = now };
        request.ApplyTo(item);
        database.ContentItems.Add(item);
        audit.Record(item.WorkspaceId, user, "content.created", "content_item", item.Id.ToString(), new { item.Title });
        await database.SaveChangesAsync(cancellationToken);
        return new ContentChange(ContentItemResponse.From(item), null);
    }

    public async Task<ContentChange> ReplaceAsync(Guid id, ContentItemRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var item = await FindAsync(id, cancellationToken);
        if (item is null)
        {
            return new ContentChange(null, NotFound(id));
        }

        if (await ExternalIdTakenAsync(request.ExternalId, id, cancellationToken))
        {
            return new ContentChange(null, DuplicateExternalId(request.ExternalId!));
        }

        request.ApplyTo(item);
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(item.WorkspaceId, user, "content.replaced", "content_item", item.Id.ToString(), new { item.Title });
        await database.SaveChangesAsync(cancellationToken);
        return new ContentChange(ContentItemResponse.From(item), null);
    }

    public async Task<ContentChange> ArchiveAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var item = await FindAsync(id, cancellationToken);
        if (item is null)
        {
            return new ContentChange(null, NotFound(id));
        }

        // Touching UpdatedAt changes the library version, so cached recommenders drop the item.
        item.ArchivedAt = item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(item.WorkspaceId, user, "content.archived", "content_item", item.Id.ToString(), new { item.Title });
        await database.SaveChangesAsync(cancellationToken);
        return new ContentChange(ContentItemResponse.From(item), null);
    }

    public static ProblemHttpResult NotFound(Guid id) => ApiProblems.NotFound("Content item not found", $"No content item {id} in this workspace.");

    public static ProblemHttpResult DuplicateExternalId(string externalId) =>
        ApiProblems.Conflict("Duplicate external id", $"Another content item already has externalId '{externalId}'.");

    private async Task<bool> ExternalIdTakenAsync(string? externalId, Guid? except, CancellationToken cancellationToken) =>
        externalId is not null && await database.ContentItems.AnyAsync(c => c.ExternalId == externalId && c.Id != except, cancellationToken);
}
