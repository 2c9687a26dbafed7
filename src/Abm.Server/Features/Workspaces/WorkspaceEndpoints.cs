using Abm.Server.Features.Access;

namespace Abm.Server.Features.Workspaces;

internal static class WorkspaceEndpoints
{
    public static RouteGroupBuilder MapWorkspaceEndpoints(this RouteGroupBuilder group)
    {
        group.WithTags("Workspaces").RequireAuthorization(AccessPolicies.Admin);
        group.MapGet("/", WorkspaceHandlers.ListAsync).WithName("ListWorkspaces");
        group.MapPost("/", WorkspaceHandlers.CreateAsync).WithName("CreateWorkspace").RequireAuthorization(AccessPolicies.Operator);
        group.MapGet("/{id:guid}", WorkspaceHandlers.GetAsync).WithName("GetWorkspace");
        group.MapPatch("/{id:guid}", WorkspaceHandlers.RenameAsync).WithName("RenameWorkspace");
        group.MapDelete("/{id:guid}", WorkspaceHandlers.DeleteAsync).WithName("DeleteWorkspace").RequireAuthorization(AccessPolicies.Operator);
        return group;
    }
}
