using System.Globalization;
using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Lists;

/// <summary>
/// <c>POST /crm/v3/lists/search</c>: lists whose name contains <c>query</c> (every list for an empty one), optionally
/// of some <c>processingTypes</c> or <c>listIds</c>, paged by <c>offset</c> and <c>count</c> (20 by default, 500 at most),
/// in id order. Each list carries its size as <c>additionalProperties.hs_list_size</c>, as HubSpot's search does.
/// </summary>
internal static class ListSearchHandlers
{
    public static async Task<IResult> SearchAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var query = JsonBody.StringOf(body["query"]) ?? "";
        var offset = int.TryParse(JsonBody.StringOf(body["offset"]), NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
        var count = int.TryParse(JsonBody.StringOf(body["count"]), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? Math.Clamp(c, 1, 500) : 20;
        var types = (body["processingTypes"]?.AsArray() ?? []).Select(JsonBody.StringOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var ids = (body["listIds"]?.AsArray() ?? []).Select(JsonBody.StringOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return Caller.Of(http).Portal.Read(state =>
        {
            var matching = state.Lists.Values.OrderBy(l => l.ListId)
                .Where(l => l.Name.Contains(query, StringComparison.OrdinalIgnoreCase)
                    && (types.Count == 0 || types.Contains(l.ProcessingType))
                    && (ids.Count == 0 || ids.Contains(l.ListId.ToString(CultureInfo.InvariantCulture))))
                .ToList();
            var page = matching.Skip(offset).Take(count).Select(l => new
            {
                listId = l.ListId.ToString(CultureInfo.InvariantCulture),
                listVersion = l.Version,
                name = l.Name,
                objectTypeId = l.ObjectTypeId,
                processingStatus = "COMPLETE",
                processingType = l.ProcessingType,
                createdAt = HubSpotTime.Format(l.CreatedAt),
                updatedAt = HubSpotTime.Format(l.UpdatedAt),
                additionalProperties = new Dictionary<string, string> { ["hs_list_size"] = l.Members.Count.ToString(CultureInfo.InvariantCulture) },
            }).ToList();
            var next = offset + page.Count;
            return SandboxJson.Json(new { lists = page, hasMore = next < matching.Count, offset = next, total = matching.Count });
        });
    }
}
