using System.Globalization;
using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Lists;

/// <summary>Membership edits of MANUAL and SNAPSHOT lists, and membership paging.</summary>
internal static class ListMembershipHandlers
{
    public static Task<IResult> AddAsync(string listId, HttpContext http, RecordWriter writer, CancellationToken cancellationToken) =>
        EditAsync(listId, http, writer, add: true, cancellationToken);

    public static Task<IResult> RemoveAsync(string listId, HttpContext http, RecordWriter writer, CancellationToken cancellationToken) =>
        EditAsync(listId, http, writer, add: false, cancellationToken);

    public static IResult List(string listId, HttpContext http)
    {
        var (limit, offset) = OffsetPaging.Read(http.Request, 100, 250);
        return Caller.Of(http).Portal.Read(state =>
        {
            if (ListHandlers.Find(state, listId) is not { } list)
            {
                return ListHandlers.NotFound(listId);
            }

            var page = list.Members.Skip(offset).Take(limit)
                .Select(m => new { recordId = m.Key.ToString(CultureInfo.InvariantCulture), membershipTimestamp = HubSpotTime.Format(m.Value) })
                .ToList();
            return SandboxJson.Json(new { results = page, total = list.Members.Count, paging = OffsetPaging.Next(offset, page.Count, list.Members.Count) });
        });
    }

    private static async Task<IResult> EditAsync(string listId, HttpContext http, RecordWriter writer, bool add, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync(http.Request, cancellationToken);
        if (body is not JsonArray array)
        {
            return error ?? HubSpotErrors.Validation("Invalid input JSON: expected an array of record ids");
        }

        var ids = array.Select(JsonBody.StringOf).OfType<string>().ToList();
        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            if (ListHandlers.Find(context.State, listId) is not { } list)
            {
                return ListHandlers.NotFound(listId);
            }

            if (!list.AcceptsManualMembership)
            {
                return HubSpotErrors.Validation($"List {listId} is a {list.ProcessingType} list; only MANUAL and SNAPSHOT lists take membership changes");
            }

            var store = context.Store(CrmObjectTypes.Find(list.ObjectTypeId)!);
            var changed = new List<string>();
            var missing = new List<string>();
            foreach (var id in ids)
            {
                if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var recordId) || store.FindActive(recordId) is null)
                {
                    missing.Add(id);
                }
                else if (add ? list.Members.TryAdd(recordId, context.Now) : list.Members.Remove(recordId))
                {
                    changed.Add(id);
                }
            }

            list.UpdatedAt = context.Now;
            list.Version++;
            // HubSpot spells the added field "recordsIdsAdded".
            return SandboxJson.Json(new
            {
                recordIdsMissing = missing,
                recordIdsRemoved = add ? [] : changed,
                recordsIdsAdded = add ? changed : [],
            });
        });
    }
}
