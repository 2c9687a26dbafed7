using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>POST /crm/v3/objects/{type}/merge with <c>primaryObjectId</c> and <c>objectIdToMerge</c>.</summary>
internal static class CrmMergeHandler
{
    public static async Task<IResult> MergeAsync(HttpContext http, RecordWriter writer, CancellationToken cancellationToken)
    {
        var type = ObjectTypeRoute.Of(http);
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var primaryId = JsonBody.StringOf(body["primaryObjectId"]);
        var mergedId = JsonBody.StringOf(body["objectIdToMerge"]);
        if (primaryId is null || mergedId is null || primaryId == mergedId)
        {
            return HubSpotErrors.Validation("primaryObjectId and objectIdToMerge are required and must differ");
        }

        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            var primary = RecordLookup.Find(context.State, type, primaryId, null);
            var merged = RecordLookup.Find(context.State, type, mergedId, null);
            if (primary is null || merged is null)
            {
                return HubSpotErrors.NotFound($"Could not find {type.SingularName} {(primary is null ? primaryId : mergedId)}");
            }

            RecordMerger.Merge(writer, context, primary, merged);
            return SandboxJson.Json(RecordJson.Of(primary, requested: null, context.State));
        });
    }
}
