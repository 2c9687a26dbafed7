using System.Globalization;
using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Lists;

/// <summary>Create, read and delete lists.</summary>
internal static class ListHandlers
{
    private static readonly string[] ProcessingTypes = ["MANUAL", "DYNAMIC", "SNAPSHOT"];

    public static async Task<IResult> CreateAsync(HttpContext http, RecordWriter writer, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var name = JsonBody.StringOf(body["name"]);
        var objectTypeId = JsonBody.StringOf(body["objectTypeId"]);
        var processingType = JsonBody.StringOf(body["processingType"]);
        if (string.IsNullOrWhiteSpace(name) || CrmObjectTypes.Find(objectTypeId ?? "") is not { } type || !ProcessingTypes.Contains(processingType))
        {
            return HubSpotErrors.Validation("A list needs a name, a known objectTypeId and a processingType of MANUAL, DYNAMIC or SNAPSHOT");
        }

        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            var state = context.State;
            if (state.Lists.Values.Any(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                return HubSpotErrors.Validation($"A list named '{name}' already exists");
            }

            var list = new CrmList(state.NextListId++, name, type.TypeId, processingType!, context.Now);
            state.Lists[list.ListId] = list;
            return SandboxJson.Json(new { list = ListResponse.Of(list) });
        });
    }

    public static IResult Get(string listId, HttpContext http) =>
        Caller.Of(http).Portal.Read(state => Find(state, listId) is { } list
            ? SandboxJson.Json(new { list = ListResponse.Of(list) })
            : NotFound(listId));

    public static IResult GetByName(string objectTypeId, string listName, HttpContext http) =>
        Caller.Of(http).Portal.Read(state =>
            state.Lists.Values.FirstOrDefault(l => l.ObjectTypeId == CrmObjectTypes.Find(objectTypeId)?.TypeId && string.Equals(l.Name, listName, StringComparison.OrdinalIgnoreCase)) is { } list
                ? SandboxJson.Json(new { list = ListResponse.Of(list) })
                : NotFound(listName));

    public static IResult Delete(string listId, HttpContext http, RecordWriter writer) =>
        writer.Locked(Caller.Of(http).Portal, context => Find(context.State, listId) is { } list && context.State.Lists.Remove(list.ListId)
            ? Results.NoContent()
            : NotFound(listId));

    public static CrmList? Find(PortalState state, string listId) =>
        long.TryParse(listId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? state.Lists.GetValueOrDefault(id) : null;

    public static HubSpotError NotFound(string listId) => HubSpotErrors.NotFound($"List {listId} does not exist");
}
