using System.Security.Claims;
using Abm.Data;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.ApiKeys;

/// <summary>
/// The caller's workspace's keys (the DbContext's workspace filter hides every other row): listed, issued and
/// revoked, audited. The work behind the key routes and the settings page.
/// </summary>
internal sealed class ApiKeyRegistry(AbmDbContext database, ApiKeyIssuer issuer, AuditTrail audit, TimeProvider clock)
{
    public async Task<List<ApiKeyResponse>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await database.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken)).Select(ApiKeyResponse.From)];

    /// <summary>The new key, whole: the only time it is ever shown.</summary>
    public Task<CreatedApiKeyResponse> IssueAsync(CreateApiKeyRequest request, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        issuer.IssueAsync(user.WorkspaceId(), request.Name, request.Role, user.Actor(), cancellationToken);

    /// <summary>Revokes the key (again is a no-op); false when the workspace has no such key.</summary>
    public async Task<bool> RevokeAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var key = await database.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return false;
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(key.WorkspaceId, user, "api_key.revoked", "api_key", key.Id.ToString(), new { key.Prefix });
            await database.SaveChangesAsync(cancellationToken);
        }

        return true;
    }
}
