using System.Globalization;
using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Associations;

/// <summary>Batch association calls of the v4 API (read up to 1,000 inputs, create up to 2,000).</summary>
internal static class AssociationBatchHandlers
{
    private const int MaxRead = 1_000;
    private const int MaxCreate = 2_000;

    public static Task<IResult> ReadAsync(HttpContext http, RecordWriter writer, CancellationToken cancellationToken) =>
        RunAsync(http, writer, MaxRead, StatusCodes.Status200OK, (context, from, to, input) =>
        {
            var id = JsonBody.StringOf(input?["id"]);
            if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) || context.Store(from).FindActive(numeric) is null)
            {
                return (null, HubSpotErrors.Context(HubSpotErrors.NotFound($"No {from.SingularName} with ID {id} exists"), "fromObjectId", id ?? ""));
            }

            return (new BatchReadAssociation(new ObjectRef(id!), AssociationResponses.Grouped(context.State.ActiveLinks(from, numeric, to))), null);
        }, cancellationToken);

    public static Task<IResult> CreateAsync(HttpContext http, RecordWriter writer, CancellationToken cancellationToken) =>
        RunAsync(http, writer, MaxCreate, StatusCodes.Status201Created, (context, from, to, input) =>
        {
            var fromId = JsonBody.StringOf(input?["from"]?["id"]);
            var toId = JsonBody.StringOf(input?["to"]?["id"]);
            var types = (input?["types"] as System.Text.Json.Nodes.JsonArray ?? [])
                .Select(t => new AssociationTypeInput(JsonBody.StringOf(t?["associationCategory"]) ?? "", JsonBody.IntOf(t?["associationTypeId"]) ?? -1))
                .ToList();
            var (kinds, error) = AssociationOperations.AssociateTyped(writer, context, from, fromId, to, toId, types);
            if (kinds is null)
            {
                return (null, error);
            }

            var (source, target, _) = AssociationOperations.Endpoints(context, from, fromId, to, toId);
            return (AssociationResponses.Labelled(from, source, to, target, kinds), null);
        }, cancellationToken);

    public static Task<IResult> AssociateDefaultAsync(HttpContext http, RecordWriter writer, CancellationToken cancellationToken) =>
        RunAsync(http, writer, MaxCreate, StatusCodes.Status200OK, (context, from, to, input) =>
        {
            var fromId = JsonBody.StringOf(input?["from"]?["id"]);
            var toId = JsonBody.StringOf(input?["to"]?["id"]);
            var (kind, error) = AssociationOperations.AssociateDefault(writer, context, from, fromId, to, toId);
            return kind is null
                ? (null, error)
                : (new DefaultAssociationResult(new ObjectRef(fromId!), new ObjectRef(toId!), new AssociationSpec("HUBSPOT_DEFINED", kind.TypeId)), null);
        }, cancellationToken);

    public static async Task<IResult> ArchiveAsync(HttpContext http, RecordWriter writer, CancellationToken cancellationToken)
    {
        var (from, to) = AssociationRoute.Of(http);
        var (request, error) = await BatchRequest.ReadAsync(http.Request, cancellationToken, MaxCreate);
        if (request is null)
        {
            return error!;
        }

        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            foreach (var input in request.Inputs)
            {
                var fromId = JsonBody.StringOf(input?["from"]?["id"]);
                foreach (var toId in (input?["to"] as System.Text.Json.Nodes.JsonArray ?? []).Select(t => JsonBody.StringOf(t?["id"])))
                {
                    var (source, target, missing) = AssociationOperations.Endpoints(context, from, fromId, to, toId);
                    if (missing is null)
                    {
                        writer.Dissociate(context, from, source, to, target);
                    }
                }
            }

            return Results.NoContent();
        });
    }

    private static async Task<IResult> RunAsync(
        HttpContext http,
        RecordWriter writer,
        int maxInputs,
        int successStatus,
        Func<WriteContext, CrmObjectType, CrmObjectType, System.Text.Json.Nodes.JsonNode?, (object? Result, HubSpotError? Error)> apply,
        CancellationToken cancellationToken)
    {
        var (from, to) = AssociationRoute.Of(http);
        var (request, error) = await BatchRequest.ReadAsync(http.Request, cancellationToken, maxInputs);
        if (request is null)
        {
            return error!;
        }

        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            var results = new List<object>();
            var errors = new List<HubSpotError>();
            foreach (var input in request.Inputs)
            {
                var (result, inputError) = apply(context, from, to, input);
                if (result is null)
                {
                    errors.Add(inputError!);
                }
                else
                {
                    results.Add(result);
                }
            }

            return BatchResult.Respond(context.Now, results, errors, successStatus);
        });
    }
}
