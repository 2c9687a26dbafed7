using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;

namespace Abm.Server.Features.ApiKeys;

/// <summary>
/// Creates a workspace key: only its SHA-256 hash and public prefix are stored, and the whole key is in the
/// answer, the one time it is ever shown. The API and the <c>abm keys create</c> verb both issue keys here.
/// </summary>
internal sealed class ApiKeyIssuer(AbmDbContext database, AuditTrail audit, TimeProvider clock)
{
    public async Task<CreatedApiKeyResponse> IssueAsync(Guid workspaceId, string name, string role, string actor, CancellationToken cancellationToken)
    {
        if (!Roles.IsKnown(role))
        {
            throw new ArgumentException($"role must be one of {string.Join(", ", Roles.All)}.", nameof(role));
        }

        var (secret, prefix, hash) = ApiKeySecret.Generate();
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspaceId,
            Name = name.Trim(),
            Prefix = prefix,
            SecretHash = hash,
            Role = role,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        database.ApiKeys.Add(key);
        audit.Record(workspaceId, actor, "api_key.created", "api_key", key.Id.ToString(), new { key.Name, key.Role, key.Prefix });
        await database.SaveChangesAsync(cancellationToken);
        return new CreatedApiKeyResponse(key.Id, key.Name, key.Prefix, key.Role, key.CreatedAt, secret);
    }
}
