using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Properties;

/// <summary>Property definitions: list, get, create (single and batch), update, archive.</summary>
internal static class PropertyHandlers
{
    public static IResult List(HttpContext http) =>
        Caller.Of(http).Portal.Read(state => SandboxJson.Json(new
        {
            results = state.Schemas[ObjectTypeRoute.Of(http)].Properties.OrderBy(p => p.Name, StringComparer.Ordinal).Select(PropertyResponse.Of),
        }));

    public static IResult Get(string propertyName, HttpContext http) =>
        Caller.Of(http).Portal.Read(state => state.Schemas[ObjectTypeRoute.Of(http)].Find(propertyName) is { } property
            ? SandboxJson.Json(PropertyResponse.Of(property))
            : HubSpotErrors.NotFound($"Unable to find property {propertyName}"));

    public static async Task<IResult> CreateAsync(HttpContext http, RecordWriter writer, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            var (created, createError) = Create(context, ObjectTypeRoute.Of(http), body);
            return created is null ? createError! : SandboxJson.Json(PropertyResponse.Of(created), StatusCodes.Status201Created);
        });
    }

    public static async Task<IResult> BatchCreateAsync(HttpContext http, RecordWriter writer, CancellationToken cancellationToken)
    {
        var (request, error) = await BatchRequest.ReadAsync(http.Request, cancellationToken);
        if (request is null)
        {
            return error!;
        }

        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            var results = new List<PropertyResponse>();
            var errors = new List<HubSpotError>();
            foreach (var input in request.Inputs)
            {
                var (created, createError) = Create(context, ObjectTypeRoute.Of(http), input);
                if (created is null)
                {
                    errors.Add(createError!);
                }
                else
                {
                    results.Add(PropertyResponse.Of(created));
                }
            }

            return BatchResult.Respond(context.Now, results, errors, StatusCodes.Status201Created);
        });
    }

    public static async Task<IResult> BatchReadAsync(HttpContext http, RecordWriter writer, CancellationToken cancellationToken)
    {
        var (request, error) = await BatchRequest.ReadAsync(http.Request, cancellationToken);
        if (request is null)
        {
            return error!;
        }

        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            var schema = context.State.Schemas[ObjectTypeRoute.Of(http)];
            var names = request.Inputs.Select(i => JsonBody.StringOf(i?["name"]) ?? "").ToList();
            var missing = names.Where(n => schema.Find(n) is null).ToArray();
            HubSpotError[] errors = missing.Length == 0 ? [] : [HubSpotErrors.Context(HubSpotErrors.NotFound("Some properties were not found"), "names", missing)];
            var results = names.Select(schema.Find).OfType<PropertyDefinition>().Select(PropertyResponse.Of).ToList();
            return BatchResult.Respond(context.Now, results, errors, StatusCodes.Status200OK);
        });
    }

    public static async Task<IResult> UpdateAsync(string propertyName, HttpContext http, RecordWriter writer, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            var schema = context.State.Schemas[ObjectTypeRoute.Of(http)];
            if (schema.Find(propertyName) is not { } existing)
            {
                return HubSpotErrors.NotFound($"Unable to find property {propertyName}");
            }

            var (updated, updateError) = PropertyInput.ParseUpdate(body, existing, schema, context.Now);
            if (updateError is not null)
            {
                return updateError;
            }

            schema.Put(updated!);
            return SandboxJson.Json(PropertyResponse.Of(updated!));
        });
    }

    public static IResult Archive(string propertyName, HttpContext http, RecordWriter writer) =>
        writer.Locked(Caller.Of(http).Portal, context =>
        {
            var schema = context.State.Schemas[ObjectTypeRoute.Of(http)];
            return schema.Find(propertyName) switch
            {
                null => HubSpotErrors.NotFound($"Unable to find property {propertyName}"),
                { HubspotDefined: true } => HubSpotErrors.Validation($"{propertyName} is a HubSpot-defined property and cannot be archived"),
                _ => schema.Remove(propertyName) ? Results.NoContent() : HubSpotErrors.NotFound(),
            };
        });

    private static (PropertyDefinition? Created, HubSpotError? Error) Create(WriteContext context, CrmObjectType type, System.Text.Json.Nodes.JsonNode? input)
    {
        var schema = context.State.Schemas[type];
        var (property, error) = PropertyInput.ParseCreate(input, schema, context.Now);
        if (error is not null)
        {
            return (null, error);
        }

        if (schema.Find(property!.Name) is not null)
        {
            return (null, new HubSpotError(StatusCodes.Status409Conflict, "OBJECT_ALREADY_EXISTS", $"A property named '{property.Name}' already exists."));
        }

        schema.Put(property);
        return (property, null);
    }
}
