using System.Security.Claims;
using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Access;

namespace Abm.Server.Features.Audit;

/// <summary>Adds an audit row to the caller's unit of work, so it is saved (or lost) with the change it describes.</summary>
internal sealed class AuditTrail(AbmDbContext database, TimeProvider clock)
{
    public void Record(Guid workspaceId, ClaimsPrincipal actor, string action, string entityType, string? entityId, object? details = null) =>
        Record(workspaceId, actor.Actor(), action, entityType, entityId, details);

    /// <summary>For changes no request made: <paramref name="actor"/> names who did them ("cli" for the abm executable).</summary>
    public void Record(Guid workspaceId, string actor, string action, string entityType, string? entityId, object? details = null) =>
        database.AuditLog.Add(new AuditLogEntry
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspaceId,
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details is null ? null : JsonSerializer.Serialize(details),
        });
}
