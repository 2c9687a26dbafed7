using System.Globalization;
using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Forms;

/// <summary>
/// GET /marketing/v3/forms (paged with <c>limit</c> and <c>after</c>, filtered by <c>archived</c> and <c>formTypes</c>)
/// and GET /marketing/v3/forms/{formId}.
/// </summary>
internal static class FormHandlers
{
    private const int DefaultLimit = 20;
    private const int MaxLimit = 100;

    public static IResult List(HttpContext http)
    {
        var query = http.Request.Query;
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? Math.Clamp(parsed, 1, MaxLimit) : DefaultLimit;
        var offset = int.TryParse(query["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? after : 0;
        var archived = string.Equals(query["archived"], "true", StringComparison.OrdinalIgnoreCase);
        // Without formTypes HubSpot lists only its own ("hubspot") forms; "all" lists every type.
        var types = query["formTypes"].SelectMany(t => (t ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (types.Count == 0)
        {
            types.Add("hubspot");
        }

        return Caller.Of(http).Portal.Read(state =>
        {
            var matching = state.Forms
                .Where(f => f.Archived == archived && (types.Contains("all", StringComparer.OrdinalIgnoreCase) || types.Contains(f.FormType, StringComparer.OrdinalIgnoreCase)))
                .ToList();
            var page = matching.Skip(offset).Take(limit).Select(FormResponse.Of).ToList();
            var next = offset + page.Count;
            var paging = next < matching.Count ? new Paging(new PagingNext(next.ToString(CultureInfo.InvariantCulture))) : null;
            return SandboxJson.Json(new FormPage(page, paging));
        });
    }

    public static IResult Get(string formId, HttpContext http) =>
        Caller.Of(http).Portal.Read(state => state.Forms.FirstOrDefault(f => f.Id == formId) is { } form
            ? SandboxJson.Json(FormResponse.Of(form))
            : FormNotFound(formId));

    /// <summary>The 404 both forms APIs answer for a form id the portal does not have.</summary>
    public static HubSpotError FormNotFound(string formId) => HubSpotErrors.NotFound($"Form {formId} not found");

    private sealed record FormPage(IReadOnlyList<FormResponse> Results, Paging? Paging);
}
