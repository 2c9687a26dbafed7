using System.Security.Claims;
using Abm.Data;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.ApiKeys;

/// <summary>Keys of the caller's workspace only: the DbContext's workspace filter hides every other row.</summary>
internal static class ApiKeyHandlers
{
    public static async Task<Ok<List<ApiKeyResponse>>> ListAsync(AbmDbContext database, CancellationToken cancellationToken)
    {
        var keys = await database.ApiKeys.OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(keys.Select(ApiKeyResponse.From).ToList());
    }

    public static async Task<Created<CreatedApiKeyResponse>> CreateAsync(
        CreateApiKeyRequest request, ClaimsPrincipal user, ApiKeyIssuer issuer, CancellationToken cancellationToken)
    {
        var created = await issuer.IssueAsync(user.WorkspaceId(), request.Name, request.Role, user.Actor(), cancellationToken);
        return TypedResults.Created($"/api/api-keys/{created.Id}", created);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, ClaimsPrincipal user, AbmDbContext database, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var key = await database.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return ApiProblems.NotFound("API key not found", $"No API key {id} in this workspace.");
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(key.WorkspaceId, user, "api_key.revoked", "api_key", key.Id.ToString(), new { key.Prefix });
            await database.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
