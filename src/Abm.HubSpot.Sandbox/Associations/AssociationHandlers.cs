using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Associations;

/// <summary>Single-record association calls of the v4 API.</summary>
internal static class AssociationHandlers
{
    public static IResult AssociateDefault(string fromId, string toId, HttpContext http, RecordWriter writer)
    {
        var (from, to) = AssociationRoute.Of(http);
        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            var (kind, error) = AssociationOperations.AssociateDefault(writer, context, from, fromId, to, toId);
            if (kind is null)
            {
                return error!;
            }

            var stamp = HubSpotTime.Format(context.Now);
            var results = AssociationResponses.DefaultPair(long.Parse(fromId, System.Globalization.CultureInfo.InvariantCulture), long.Parse(toId, System.Globalization.CultureInfo.InvariantCulture), kind).ToList();
            return SandboxJson.Json(new { status = "COMPLETE", results, startedAt = stamp, completedAt = stamp });
        });
    }

    public static async Task<IResult> AssociateLabelledAsync(string fromId, string toId, HttpContext http, RecordWriter writer, CancellationToken cancellationToken)
    {
        var (from, to) = AssociationRoute.Of(http);
        var (body, error) = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (body is not JsonArray array)
        {
            return error ?? HubSpotErrors.Validation("Invalid input JSON: expected an array of association types");
        }

        var types = array.Select(t => new AssociationTypeInput(JsonBody.StringOf(t?["associationCategory"]) ?? "", JsonBody.IntOf(t?["associationTypeId"]) ?? -1)).ToList();
        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            var (kinds, associateError) = AssociationOperations.AssociateTyped(writer, context, from, fromId, to, toId, types);
            var (source, target, _) = AssociationOperations.Endpoints(context, from, fromId, to, toId);
            return kinds is null
                ? associateError!
                : SandboxJson.Json(AssociationResponses.Labelled(from, source, to, target, kinds), StatusCodes.Status201Created);
        });
    }

    public static IResult List(string fromId, HttpContext http)
    {
        var (from, to) = AssociationRoute.Of(http);
        return Caller.Of(http).Portal.Read(state =>
        {
            if (!long.TryParse(fromId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                || state.Stores[from].FindActive(id) is null)
            {
                return HubSpotErrors.NotFound($"No {from.SingularName} with ID {fromId} exists");
            }

            return SandboxJson.Json(new { results = AssociationResponses.Grouped(state.ActiveLinks(from, id, to)) });
        });
    }

    public static IResult Remove(string fromId, string toId, HttpContext http, RecordWriter writer)
    {
        var (from, to) = AssociationRoute.Of(http);
        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            var (source, target, error) = AssociationOperations.Endpoints(context, from, fromId, to, toId);
            if (error is null)
            {
                writer.Dissociate(context, from, source, to, target);
            }

            return Results.NoContent();
        });
    }
}
