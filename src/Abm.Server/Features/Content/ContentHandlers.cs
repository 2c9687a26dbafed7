using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.Content;

/// <summary>The workspace's content library. Deleting archives: events and recommendations keep their item.</summary>
internal static class ContentHandlers
{
    public static async Task<Results<Ok<ContentPage>, ValidationProblem>> ListAsync(
        ContentQuery content, string? type, string? search, string? sort, string? order, int? limit, int? offset, CancellationToken cancellationToken)
    {
        var (filter, field, error) = ContentFilter.Read(search, type, sort, order, limit, offset);
        return filter is null
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field!] = [error!] })
            : TypedResults.Ok(await content.ListAsync(filter, cancellationToken));
    }

    public static async Task<Results<Ok<ContentItemResponse>, ProblemHttpResult>> GetAsync(Guid id, ContentEditor editor, CancellationToken cancellationToken) =>
        await editor.FindAsync(id, cancellationToken) is { } item ? TypedResults.Ok(ContentItemResponse.From(item)) : ContentEditor.NotFound(id);

    public static async Task<Results<Created<ContentItemResponse>, ProblemHttpResult>> CreateAsync(
        ContentItemRequest request, ClaimsPrincipal user, ContentEditor editor, CancellationToken cancellationToken) =>
        await editor.CreateAsync(request, user, cancellationToken) is { Item: { } item }
            ? TypedResults.Created($"/api/content/{item.Id}", item)
            : ContentEditor.DuplicateExternalId(request.ExternalId!);

    public static async Task<Results<Ok<ContentItemResponse>, ProblemHttpResult>> ReplaceAsync(
        Guid id, ContentItemRequest request, ClaimsPrincipal user, ContentEditor editor, CancellationToken cancellationToken)
    {
        var change = await editor.ReplaceAsync(id, request, user, cancellationToken);
        return change.Problem is { } problem ? problem : TypedResults.Ok(change.Item!);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ArchiveAsync(Guid id, ClaimsPrincipal user, ContentEditor editor, CancellationToken cancellationToken) =>
        (await editor.ArchiveAsync(id, user, cancellationToken)).Problem is { } problem ? problem : TypedResults.NoContent();
}
