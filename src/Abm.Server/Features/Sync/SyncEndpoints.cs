using Abm.Server.Features.Access;

namespace Abm.Server.Features.Sync;

internal static class SyncEndpoints
{
    public static RouteGroupBuilder MapSyncEndpoints(this RouteGroupBuilder api)
    {
        var sync = api.MapGroup("/sync").WithTags("Sync");
        sync.MapPost("/", SyncHandlers.QueueAsync).WithName("QueueSync").RequireAuthorization(AccessPolicies.Marketing)
            .WithSummary("Queue a full (sync_type full or all) or incremental sync; answers 202 with the run to follow.");
        sync.MapGet("/runs/{id:guid}", SyncHandlers.GetRunAsync).WithName("GetSyncRun");
        sync.MapGet("/stats", SyncHandlers.StatsAsync).WithName("GetSyncStats")
            .WithSummary("Local record counts, contacts per segment, recent runs and where each object type's sync stands.");
        api.MapDelete("/contacts", SyncHandlers.DeleteContactsAsync).WithTags("Sync").WithName("DeleteContacts").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Delete every local contact of the workspace (HubSpot is untouched); the next sync is a full one.");
        var segments = api.MapGroup("/segments/rules").WithTags("Sync");
        segments.MapGet("/", SyncHandlers.GetRulesAsync).WithName("GetSegmentRules");
        segments.MapPut("/", SyncHandlers.PutRulesAsync).WithName("PutSegmentRules").RequireAuthorization(AccessPolicies.Admin)
            .WithSummary("Replace the workspace's own segment rules (e.g. company contains X) and re-tag every contact.");
        return api;
    }
}
