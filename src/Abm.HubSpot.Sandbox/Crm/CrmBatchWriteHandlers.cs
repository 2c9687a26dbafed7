using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Counters;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>
/// batch/create, batch/update and batch/upsert. Invalid property values fail the whole batch with 400,
/// as HubSpot does; per-record failures (conflicts, missing ids) are reported with 207.
/// </summary>
internal static class CrmBatchWriteHandlers
{
    public static Task<IResult> CreateAsync(HttpContext http, RecordWriter writer, CancellationToken cancellationToken) =>
        RunAsync(http, writer, StatusCodes.Status201Created, isCreate: true, (context, type, input, values) =>
        {
            var (record, error) = writer.Create(context, type, values, input.Associations);
            return (record is null ? null : RecordJson.Of(record, null, written: values.Keys), error);
        }, cancellationToken);

    public static Task<IResult> UpdateAsync(HttpContext http, RecordWriter writer, RecordWriteCounts writes, CancellationToken cancellationToken) =>
        RunAsync(http, writer, StatusCodes.Status200OK, isCreate: false, (context, type, input, values) =>
        {
            if (RecordLookup.Find(context.State, type, input.Id ?? "", input.IdProperty) is not { } record)
            {
                return (null, HubSpotErrors.Context(HubSpotErrors.NotFound($"Could not find some {type.UpperSingular} objects"), "ids", input.Id ?? ""));
            }

            var error = writer.Update(context, record, values);
            if (error is null)
            {
                writes.Record(context.Portal.PortalId, type.Name, record.Id);
            }

            return (error is null ? RecordJson.Of(record, null, written: values.Keys) : null, error);
        }, cancellationToken);

    /// <summary>Updates the record whose unique <c>idProperty</c> matches, or creates it; results say which with <c>new</c>.</summary>
    public static Task<IResult> UpsertAsync(HttpContext http, RecordWriter writer, CancellationToken cancellationToken) =>
        RunAsync(http, writer, StatusCodes.Status200OK, isCreate: false, (context, type, input, values) =>
        {
            if (input.IdProperty is null || RecordLookup.CheckIdProperty(type, input.IdProperty) is not null || input.IdProperty == "hs_object_id")
            {
                return (null, HubSpotErrors.Validation($"idProperty must be a unique property of {type.Name}, got {input.IdProperty ?? "nothing"}"));
            }

            if (RecordLookup.Find(context.State, type, input.Id ?? "", input.IdProperty) is { } existing)
            {
                var error = writer.Update(context, existing, values);
                return (error is null ? RecordJson.Of(existing, null, written: values.Keys, isNew: false) : null, error);
            }

            // The id value becomes a property of the new record, so it is validated like one.
            var (idValues, idError) = RecordWriter.Validate(context, type, new Dictionary<string, string?> { [input.IdProperty] = input.Id }, isCreate: false);
            if (idError is not null || string.IsNullOrEmpty(idValues.GetValueOrDefault(input.IdProperty)))
            {
                return (null, idError ?? HubSpotErrors.Validation($"id is required to upsert by {input.IdProperty}"));
            }

            var withId = new Dictionary<string, string?>(values) { [input.IdProperty] = idValues[input.IdProperty] };
            var (created, createError) = writer.Create(context, type, withId, []);
            return (created is null ? null : RecordJson.Of(created, null, written: withId.Keys, isNew: true), createError);
        }, cancellationToken);

    private static async Task<IResult> RunAsync(
        HttpContext http,
        RecordWriter writer,
        int successStatus,
        bool isCreate,
        Func<WriteContext, CrmObjectType, RecordInput, IReadOnlyDictionary<string, string?>, (RecordResponse? Result, HubSpotError? Error)> apply,
        CancellationToken cancellationToken)
    {
        var type = ObjectTypeRoute.Of(http);
        var (request, error) = await BatchRequest.ReadAsync(http.Request, cancellationToken);
        if (request is null)
        {
            return error!;
        }

        var inputs = new List<RecordInput>();
        foreach (var node in request.Inputs)
        {
            var (input, inputError) = RecordInput.Parse(node);
            if (input is null)
            {
                return inputError!;
            }

            inputs.Add(input);
        }

        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            var validated = new List<(RecordInput Input, Dictionary<string, string?> Values)>();
            foreach (var input in inputs)
            {
                var (values, validationError) = RecordWriter.Validate(context, type, input.Properties, isCreate);
                if (validationError is not null)
                {
                    return validationError;
                }

                validated.Add((input, values));
            }

            var results = new List<RecordResponse>();
            var errors = new List<HubSpotError>();
            foreach (var (input, values) in validated)
            {
                var (result, applyError) = apply(context, type, input, values);
                if (result is not null)
                {
                    results.Add(result);
                }
                else
                {
                    errors.Add(applyError!);
                }
            }

            return BatchResult.Respond(context.Now, results, errors, successStatus);
        });
    }
}
