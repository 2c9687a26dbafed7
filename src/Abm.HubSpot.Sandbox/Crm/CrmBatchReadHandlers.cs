using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>batch/read and batch/archive.</summary>
internal static class CrmBatchReadHandlers
{
    public static async Task<IResult> ReadAsync(HttpContext http, RecordWriter writer, CancellationToken cancellationToken)
    {
        var type = ObjectTypeRoute.Of(http);
        var (request, error) = await BatchRequest.ReadAsync(http.Request, cancellationToken);
        if (request is null)
        {
            return error!;
        }

        var properties = request.Body["properties"] is null ? null : JsonBody.StringsOf(request.Body["properties"]);
        var idProperty = JsonBody.StringOf(request.Body["idProperty"]);
        if (RecordLookup.CheckIdProperty(type, idProperty) is { } idError)
        {
            return idError;
        }

        var archived = ReadOptions.FromQuery(http.Request.Query).Archived;
        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            var shown = PropertySelection.For(type, properties, context.State.Schemas[type]);
            var results = new List<RecordResponse>();
            var missing = new List<string>();
            foreach (var id in request.Inputs.Select(i => JsonBody.StringOf(i?["id"]) ?? ""))
            {
                if (RecordLookup.Find(context.State, type, id, idProperty, archived) is { } record)
                {
                    results.Add(RecordJson.Of(record, shown, context.State));
                }
                else
                {
                    missing.Add(id);
                }
            }

            HubSpotError[] errors = missing.Count == 0 ? [] :
            [
                HubSpotErrors.Context(
                    HubSpotErrors.NotFound($"Could not get some {type.UpperSingular} objects, they may be deleted or not exist. Check that ids are valid."),
                    "ids",
                    [.. missing]),
            ];
            return BatchResult.Respond(context.Now, results, errors, StatusCodes.Status200OK);
        });
    }

    /// <summary>Archives what exists and ignores the rest; HubSpot answers 204 either way.</summary>
    public static async Task<IResult> ArchiveAsync(HttpContext http, RecordWriter writer, CancellationToken cancellationToken)
    {
        var type = ObjectTypeRoute.Of(http);
        var (request, error) = await BatchRequest.ReadAsync(http.Request, cancellationToken);
        if (request is null)
        {
            return error!;
        }

        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            foreach (var id in request.Inputs.Select(i => JsonBody.StringOf(i?["id"]) ?? ""))
            {
                if (RecordLookup.Find(context.State, type, id, null) is { } record)
                {
                    writer.Archive(context, record);
                }
            }

            return Results.NoContent();
        });
    }
}
