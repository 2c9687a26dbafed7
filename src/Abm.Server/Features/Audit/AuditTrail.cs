using System.Security.Claims;
using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Abm.Server.Features.Users;

namespace Abm.Server.Features.Audit;

/// <summary>
/// Adds an audit row to the caller's unit of work, so it is saved (or lost) with the change it describes. Each row says
/// where the action came from: the client address of an API request, the dashboard, or this machine (the abm
/// executable and the server's own workers).
/// </summary>
internal sealed class AuditTrail(AbmDbContext database, IHttpContextAccessor http, TimeProvider clock)
{
    // The API's own naming (camelCase), since GET /api/audit hands the details out as they are stored.
    private static readonly JsonSerializerOptions DetailsJson = new(JsonSerializerDefaults.Web);

    public void Record(Guid workspaceId, ClaimsPrincipal actor, string action, string entityType, string? entityId, object? details = null) =>
        Add(workspaceId, actor.Actor(), action, entityType, entityId, details, actor.Identity?.AuthenticationType == DashboardSession.Scheme ? "dashboard" : null);

    /// <summary>
    /// For changes no request made: <paramref name="actor"/> names who did them ("cli" for the abm executable);
    /// <paramref name="source"/> where they came from when not this machine ("webhook" for HubSpot's).
    /// </summary>
    public void Record(Guid workspaceId, string actor, string action, string entityType, string? entityId, object? details = null, string? source = null) =>
        Add(workspaceId, actor, action, entityType, entityId, details, source);

    private void Add(Guid workspaceId, string actor, string action, string entityType, string? entityId, object? details, string? source) =>
        database.AuditLog.Add(new AuditLogEntry
        {
            Id = Guid.CreateVersion7(),
            WorkspaceId = workspaceId,
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details is null ? null : JsonSerializer.Serialize(details, DetailsJson),
            Source = source ?? Origin(),
        });

    // A dashboard circuit has no request of its own once connected; an API call has its client's address.
    private string Origin() =>
        http.HttpContext?.Connection.RemoteIpAddress is { } address ? $"address {address}" : $"machine {Environment.MachineName}";
}
