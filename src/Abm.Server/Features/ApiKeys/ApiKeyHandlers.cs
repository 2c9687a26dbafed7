using System.Security.Claims;
using Abm.Server.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Abm.Server.Features.ApiKeys;

/// <summary>Keys of the caller's workspace only: the DbContext's workspace filter hides every other row.</summary>
internal static class ApiKeyHandlers
{
    public static async Task<Ok<List<ApiKeyResponse>>> ListAsync(ApiKeyRegistry keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(cancellationToken));

    public static async Task<Created<CreatedApiKeyResponse>> CreateAsync(
        CreateApiKeyRequest request, ClaimsPrincipal user, ApiKeyRegistry keys, CancellationToken cancellationToken)
    {
        var created = await keys.IssueAsync(request, user, cancellationToken);
        return TypedResults.Created($"/api/api-keys/{created.Id}", created);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(Guid id, ClaimsPrincipal user, ApiKeyRegistry keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, user, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("API key not found", $"No API key {id} in this workspace.");
}
