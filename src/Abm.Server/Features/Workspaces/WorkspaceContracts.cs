using System.ComponentModel.DataAnnotations;
using Abm.Data.Entities;

namespace Abm.Server.Features.Workspaces;

internal sealed record CreateWorkspaceRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    [property: StringLength(50), RegularExpression("^[0-9]+$", ErrorMessage = "hubSpotPortalId must be the numeric HubSpot portal (hub) id.")]
    string? HubSpotPortalId);

internal sealed record RenameWorkspaceRequest([property: Required, StringLength(200, MinimumLength = 1)] string Name);

internal sealed record WorkspaceResponse(Guid Id, string Name, string? HubSpotPortalId, bool IsDefault, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static WorkspaceResponse From(Workspace workspace) =>
        new(workspace.Id, workspace.Name, workspace.HubSpotPortalId, workspace.IsDefault, workspace.CreatedAt, workspace.UpdatedAt);
}
