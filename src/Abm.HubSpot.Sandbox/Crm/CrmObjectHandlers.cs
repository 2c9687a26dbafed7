using System.Globalization;
using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Crm;

/// <summary>Single-record handlers: list with paging, get, create, update, archive.</summary>
internal static class CrmObjectHandlers
{
    private const int DefaultLimit = 10;
    private const int MaxLimit = 100;

    public static IResult List(HttpContext http)
    {
        var type = ObjectTypeRoute.Of(http);
        var query = http.Request.Query;
        var limit = DefaultLimit;
        if (query.ContainsKey("limit") && !int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out limit))
        {
            return HubSpotErrors.Validation($"limit must be a number, got {query["limit"]}");
        }

        long after = 0;
        if (query.ContainsKey("after") && !long.TryParse(query["after"], NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return HubSpotErrors.Validation($"after is not a valid paging cursor: {query["after"]}");
        }

        limit = Math.Clamp(limit, 1, MaxLimit);
        var read = ReadOptions.FromQuery(query);
        return Caller.Of(http).Portal.Read(state =>
        {
            var store = state.Stores[type];
            var shown = PropertySelection.For(type, read.Properties, state.Schemas[type]);
            var results = new List<RecordResponse>(limit);
            CrmRecord? next = null;
            // The cursor is the first id of the next page; ids only grow, so paging is stable under inserts.
            for (var i = store.IndexAfter(after - 1); i < store.Ordered.Count; i++)
            {
                var record = store.Ordered[i];
                if (record.Archived != read.Archived || record.Purged)
                {
                    continue;
                }

                if (results.Count == limit)
                {
                    next = record;
                    break;
                }

                results.Add(RecordJson.Of(record, shown, state, read.Associations));
            }

            var paging = next is null ? null : new Paging(new PagingNext(
                next.Id.ToString(CultureInfo.InvariantCulture),
                $"{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}?after={next.Id}"));
            return SandboxJson.Json(new PageResponse(results, paging));
        });
    }

    public static IResult Get(string id, HttpContext http)
    {
        var type = ObjectTypeRoute.Of(http);
        var read = ReadOptions.FromQuery(http.Request.Query);
        if (RecordLookup.CheckIdProperty(type, read.IdProperty) is { } idError)
        {
            return idError;
        }

        return Caller.Of(http).Portal.Read(state =>
            RecordLookup.Find(state, type, id, read.IdProperty, read.Archived) is { } record
                ? SandboxJson.Json(RecordJson.Of(record, read.Properties, state, read.Associations))
                : HubSpotErrors.NotFound());
    }

    public static async Task<IResult> CreateAsync(HttpContext http, RecordWriter writer, CancellationToken cancellationToken)
    {
        var type = ObjectTypeRoute.Of(http);
        var (body, bodyError) = await JsonBody.ReadObjectAsync(http.Request, cancellationToken);
        var (input, inputError) = bodyError is null ? RecordInput.Parse(body) : (null, bodyError);
        if (input is null)
        {
            return inputError!;
        }

        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            var (values, error) = RecordWriter.Validate(context, type, input.Properties, isCreate: true);
            if (error is not null)
            {
                return error;
            }

            var (record, createError) = writer.Create(context, type, values, input.Associations);
            return record is null
                ? createError!
                : SandboxJson.Json(RecordJson.Of(record, null, written: values.Keys), StatusCodes.Status201Created);
        });
    }

    public static async Task<IResult> UpdateAsync(string id, HttpContext http, RecordWriter writer, CancellationToken cancellationToken)
    {
        var type = ObjectTypeRoute.Of(http);
        var idProperty = ReadOptions.FromQuery(http.Request.Query).IdProperty;
        var (body, bodyError) = await JsonBody.ReadObjectAsync(http.Request, cancellationToken);
        var (input, inputError) = bodyError is null ? RecordInput.Parse(body) : (null, bodyError);
        if (input is null)
        {
            return inputError!;
        }

        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            if (RecordLookup.CheckIdProperty(type, idProperty) is { } idError)
            {
                return idError;
            }

            if (RecordLookup.Find(context.State, type, id, idProperty) is not { } record)
            {
                return HubSpotErrors.NotFound();
            }

            var (values, error) = RecordWriter.Validate(context, type, input.Properties, isCreate: false);
            error ??= writer.Update(context, record, values);
            return error ?? SandboxJson.Json(RecordJson.Of(record, null, written: values.Keys));
        });
    }

    /// <summary>HubSpot answers 204 even when the record is already gone.</summary>
    public static IResult Archive(string id, HttpContext http, RecordWriter writer) =>
        writer.Locked(Caller.Of(http).Portal, context =>
        {
            if (RecordLookup.Find(context.State, ObjectTypeRoute.Of(http), id, null) is { } record)
            {
                writer.Archive(context, record);
            }

            return Results.NoContent();
        });
}
