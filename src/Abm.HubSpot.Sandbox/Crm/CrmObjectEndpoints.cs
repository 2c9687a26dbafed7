using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Search;

namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>Routes of the CRM objects API, served under both the v3 and the date-versioned paths.</summary>
internal static class CrmObjectEndpoints
{
    public static readonly string[] Prefixes = ["/crm/v3/objects", "/crm/objects/2026-03"];

    public static IEndpointRouteBuilder MapCrmObjectEndpoints(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in Prefixes)
        {
            var group = app.MapGroup(prefix + "/{type}").AddEndpointFilter(ObjectTypeRoute.ResolveAsync);
            group.MapGet("", CrmObjectHandlers.List).RequiresObjectScope(ObjectAccess.Read);
            group.MapPost("", CrmObjectHandlers.CreateAsync).RequiresObjectScope(ObjectAccess.Write);
            group.MapGet("/{id}", CrmObjectHandlers.Get).RequiresObjectScope(ObjectAccess.Read);
            group.MapPatch("/{id}", CrmObjectHandlers.UpdateAsync).RequiresObjectScope(ObjectAccess.Write);
            group.MapDelete("/{id}", CrmObjectHandlers.Archive).RequiresObjectScope(ObjectAccess.Write);
            group.MapPost("/batch/read", CrmBatchReadHandlers.ReadAsync).RequiresObjectScope(ObjectAccess.Read);
            group.MapPost("/batch/archive", CrmBatchReadHandlers.ArchiveAsync).RequiresObjectScope(ObjectAccess.Write);
            group.MapPost("/batch/create", CrmBatchWriteHandlers.CreateAsync).RequiresObjectScope(ObjectAccess.Write);
            group.MapPost("/batch/update", CrmBatchWriteHandlers.UpdateAsync).RequiresObjectScope(ObjectAccess.Write);
            group.MapPost("/batch/upsert", CrmBatchWriteHandlers.UpsertAsync).RequiresObjectScope(ObjectAccess.Write);
            group.MapPost("/merge", CrmMergeHandler.MergeAsync).RequiresObjectScope(ObjectAccess.Write);
            group.MapPost("/gdpr-delete", CrmGdprDeleteHandler.DeleteAsync).RequiresObjectScope(ObjectAccess.Write);
            group.MapPost("/search", SearchHandlers.SearchAsync).RequiresObjectScope(ObjectAccess.Read, isSearch: true);
        }

        return app;
    }
}
