using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Properties;

/// <summary>Property groups: list, get, create (409 on a duplicate name), archive.</summary>
internal static class PropertyGroupHandlers
{
    public static IResult List(HttpContext http) =>
        Caller.Of(http).Portal.Read(state => SandboxJson.Json(new
        {
            results = state.Schemas[ObjectTypeRoute.Of(http)].Groups.Select(PropertyGroupResponse.Of),
        }));

    public static IResult Get(string groupName, HttpContext http) =>
        Caller.Of(http).Portal.Read(state => state.Schemas[ObjectTypeRoute.Of(http)].FindGroup(groupName) is { } group
            ? SandboxJson.Json(PropertyGroupResponse.Of(group))
            : HubSpotErrors.NotFound($"Unable to find property group {groupName}"));

    public static async Task<IResult> CreateAsync(HttpContext http, RecordWriter writer, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var name = JsonBody.StringOf(body["name"]);
        var label = JsonBody.StringOf(body["label"]);
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(label))
        {
            return HubSpotErrors.Validation("Property group needs a name and a label");
        }

        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            var schema = context.State.Schemas[ObjectTypeRoute.Of(http)];
            if (schema.FindGroup(name) is not null)
            {
                return new HubSpotError(StatusCodes.Status409Conflict, "OBJECT_ALREADY_EXISTS", $"A property group named '{name}' already exists.");
            }

            var group = new PropertyGroup(name, label, JsonBody.IntOf(body["displayOrder"]) ?? -1);
            schema.PutGroup(group);
            return SandboxJson.Json(PropertyGroupResponse.Of(group), StatusCodes.Status201Created);
        });
    }

    public static IResult Archive(string groupName, HttpContext http, RecordWriter writer) =>
        writer.Locked(Caller.Of(http).Portal, context =>
        {
            var schema = context.State.Schemas[ObjectTypeRoute.Of(http)];
            if (schema.Properties.Any(p => p.GroupName == groupName))
            {
                return HubSpotErrors.Validation($"Property group '{groupName}' still has properties");
            }

            return schema.RemoveGroup(groupName) ? Results.NoContent() : HubSpotErrors.NotFound($"Unable to find property group {groupName}");
        });
}
