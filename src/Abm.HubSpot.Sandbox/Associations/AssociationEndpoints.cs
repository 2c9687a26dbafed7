using Abm.HubSpot.Sandbox.Auth;

namespace Abm.HubSpot.Sandbox.Associations;

/// <summary>Routes of the associations v4 API.</summary>
internal static class AssociationEndpoints
{
    public static IEndpointRouteBuilder MapAssociationEndpoints(this IEndpointRouteBuilder app)
    {
        var single = app.MapGroup("/crm/v4/objects/{fromType}/{fromId}/associations").AddEndpointFilter(AssociationRoute.ResolveAsync);
        single.MapPut("/default/{toType}/{toId}", AssociationHandlers.AssociateDefault).RequiresObjectScope(ObjectAccess.Write);
        single.MapPut("/{toType}/{toId}", AssociationHandlers.AssociateLabelledAsync).RequiresObjectScope(ObjectAccess.Write);
        single.MapGet("/{toType}", AssociationHandlers.List).RequiresObjectScope(ObjectAccess.Read);
        single.MapDelete("/{toType}/{toId}", AssociationHandlers.Remove).RequiresObjectScope(ObjectAccess.Write);

        var batch = app.MapGroup("/crm/v4/associations/{fromType}/{toType}/batch").AddEndpointFilter(AssociationRoute.ResolveAsync);
        batch.MapPost("/read", AssociationBatchHandlers.ReadAsync).RequiresObjectScope(ObjectAccess.Read);
        batch.MapPost("/create", AssociationBatchHandlers.CreateAsync).RequiresObjectScope(ObjectAccess.Write);
        batch.MapPost("/associate/default", AssociationBatchHandlers.AssociateDefaultAsync).RequiresObjectScope(ObjectAccess.Write);
        batch.MapPost("/archive", AssociationBatchHandlers.ArchiveAsync).RequiresObjectScope(ObjectAccess.Write);
        return app;
    }
}
