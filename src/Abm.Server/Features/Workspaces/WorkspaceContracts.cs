using System.ComponentModel.DataAnnotations;
using Abm.Data.Entities;

namespace Abm.Server.Features.Workspaces;

internal sealed record CreateWorkspaceRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    [property: StringLength(50), RegularExpression("^[0-9]+$", ErrorMessage = "hubSpotPortalId must be the numeric HubSpot portal (hub) id.")]
    string? HubSpotPortalId);

internal sealed record RenameWorkspaceRequest([property: Required, StringLength(200, MinimumLength = 1)] string Name);

/// <summary>A workspace; <c>Demo</c> is true when the server runs the demo (the workspace holds the built-in sandbox's simulated data).</summary>
internal sealed record WorkspaceResponse(Guid Id, string Name, string? HubSpotPortalId, bool IsDefault, DateTime CreatedAt, DateTime UpdatedAt, bool Demo)
{
    public static WorkspaceResponse From(Workspace workspace, Demo.DemoStatus demo) =>
        new(workspace.Id, workspace.Name, workspace.HubSpotPortalId, workspace.IsDefault, workspace.CreatedAt, workspace.UpdatedAt, demo.Enabled);
}
