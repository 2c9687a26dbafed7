using System.Security.Claims;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Workspaces;

internal static class WorkspaceHandlers
{
    public static async Task<Ok<List<WorkspaceResponse>>> ListAsync(ClaimsPrincipal user, AbmDbContext database, Demo.DemoStatus demo, CancellationToken cancellationToken)
    {
        var workspaces = await Visible(database, user).OrderBy(w => w.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(workspaces.Select(w => WorkspaceResponse.From(w, demo)).ToList());
    }

    public static async Task<Results<Ok<WorkspaceResponse>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, AbmDbContext database, Demo.DemoStatus demo, CancellationToken cancellationToken) =>
        await Visible(database, user).SingleOrDefaultAsync(w => w.Id == id, cancellationToken) is { } workspace
            ? TypedResults.Ok(WorkspaceResponse.From(workspace, demo))
            : NotFound(id);

    public static async Task<Results<Created<WorkspaceResponse>, ProblemHttpResult>> CreateAsync(
        CreateWorkspaceRequest request, ClaimsPrincipal user, AbmDbContext database, Demo.DemoStatus demo, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request.HubSpotPortalId is { } portal && await database.Workspaces.AnyAsync(w => w.HubSpotPortalId == portal, cancellationToken))
        {
            return ApiProblems.Conflict("Portal already connected", $"HubSpot portal {portal} already belongs to another workspace.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var workspace = new Workspace { Id = Guid.CreateVersion7(), Name = request.Name.Trim(), HubSpotPortalId = request.HubSpotPortalId, CreatedAt = now, UpdatedAt = now };
        database.Workspaces.Add(workspace);
        audit.Record(workspace.Id, user, "workspace.created", "workspace", workspace.Id.ToString(), new { workspace.Name });
        await database.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/workspaces/{workspace.Id}", WorkspaceResponse.From(workspace, demo));
    }

    public static async Task<Results<Ok<WorkspaceResponse>, ProblemHttpResult>> RenameAsync(
        Guid id, RenameWorkspaceRequest request, ClaimsPrincipal user, AbmDbContext database, Demo.DemoStatus demo, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var workspace = await Visible(database, user).SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (workspace is null)
        {
            return NotFound(id);
        }

        audit.Record(workspace.Id, user, "workspace.renamed", "workspace", workspace.Id.ToString(), new { From = workspace.Name, To = request.Name.Trim() });
        workspace.Name = request.Name.Trim();
        workspace.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await database.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(WorkspaceResponse.From(workspace, demo));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, AbmDbContext database, DefaultWorkspace defaultWorkspace, AuditTrail audit, ILogger<WorkspaceResponse> logger,
        CancellationToken cancellationToken)
    {
        var workspace = await database.Workspaces.SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (workspace is null)
        {
            return NotFound(id);
        }

        if (workspace.IsDefault)
        {
            return ApiProblems.Conflict("Default workspace",
                "The default workspace belongs to the HubSpot connection configured in the environment and cannot be deleted.");
        }

        // Every row of the workspace goes with it (ON DELETE CASCADE), its own audit log included, so the deletion is
        // recorded in the default workspace's log (which cannot be deleted) and in the server log. One transaction:
        // an audited deletion that did not happen, or the reverse, is never left behind.
        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        audit.Record(defaultWorkspace.Id, user, "workspace.deleted", "workspace", workspace.Id.ToString(), new { workspace.Name, workspace.HubSpotPortalId });
        await database.SaveChangesAsync(cancellationToken);
        await database.Workspaces.Where(w => w.Id == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        WorkspaceLog.Deleted(logger, id, workspace.Name);
        return TypedResults.NoContent();
    }

    /// <summary>The operator sees every workspace; any other key only its own.</summary>
    private static IQueryable<Workspace> Visible(AbmDbContext database, ClaimsPrincipal user)
    {
        if (user.IsOperator())
        {
            return database.Workspaces;
        }

        var own = user.WorkspaceId();
        return database.Workspaces.Where(w => w.Id == own);
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        ApiProblems.NotFound("Workspace not found", $"No workspace {id} is visible to this key.");
}
