using Abm.Data;
using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Workspaces;

/// <summary>
/// The workspace for the HubSpot portal configured in the environment (HUBSPOT_PORTAL_ID). The operator
/// key acts on it unless a request names another workspace.
/// </summary>
internal sealed class DefaultWorkspace(IConfiguration configuration, TimeProvider clock)
{
    private Guid? _id;

    public Guid Id => _id ?? throw new InvalidOperationException("The default workspace is created at start-up, before requests are served.");

    public async Task EnsureAsync(AbmDbContext database, CancellationToken cancellationToken)
    {
        var portalId = configuration["HUBSPOT_PORTAL_ID"];
        var now = clock.GetUtcNow().UtcDateTime;
        var workspace = await database.Workspaces.SingleOrDefaultAsync(w => w.IsDefault, cancellationToken);
        if (workspace is null)
        {
            workspace = new Workspace
            {
                Id = Guid.CreateVersion7(),
                Name = configuration["ABM_DEFAULT_WORKSPACE_NAME"] ?? "Default workspace",
                HubSpotPortalId = string.IsNullOrWhiteSpace(portalId) ? null : portalId,
                IsDefault = true,
                CreatedAt = now,
                UpdatedAt = now,
            };
            database.Workspaces.Add(workspace);
            await database.SaveChangesAsync(cancellationToken);
        }
        else if (!string.IsNullOrWhiteSpace(portalId) && workspace.HubSpotPortalId != portalId)
        {
            workspace.HubSpotPortalId = portalId;
            workspace.UpdatedAt = now;
            await database.SaveChangesAsync(cancellationToken);
        }

        _id = workspace.Id;
    }
}
