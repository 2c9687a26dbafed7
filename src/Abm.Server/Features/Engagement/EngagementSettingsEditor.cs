using System.Security.Claims;
using Abm.Data;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;

namespace Abm.Server.Features.Engagement;

/// <summary>Shows and saves (audited) the caller's workspace's engagement settings: the work behind the settings routes and the settings page.</summary>
internal sealed class EngagementSettingsEditor(EngagementSettingsStore store, AbmDbContext database, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The effective settings, every field filled in.</summary>
    public async Task<EngagementSettingsDocument> DescribeAsync(Guid workspaceId, CancellationToken cancellationToken) =>
        EngagementSettingsDocument.Describe(await store.LoadAsync(workspaceId, cancellationToken));

    public async Task<EngagementSettingsDocument> SaveAsync(EngagementSettingsDocument request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var workspaceId = user.WorkspaceId();
        await store.SaveAsync(workspaceId, request, clock.GetUtcNow().UtcDateTime, cancellationToken);
        audit.Record(workspaceId, user, "engagement.settings_changed", "workspace", workspaceId.ToString(), request);
        await database.SaveChangesAsync(cancellationToken);
        return EngagementSettingsDocument.Describe(request.ToEngineSettings());
    }
}
