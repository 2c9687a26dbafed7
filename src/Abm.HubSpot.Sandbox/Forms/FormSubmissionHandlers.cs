using System.Globalization;
using System.Text;
using Abm.HubSpot.Sandbox.Admin;
using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Forms;

internal sealed record SubmissionValueResponse(string Name, string Value);

internal sealed record SubmissionResponse(string ConversionId, long SubmittedAt, IReadOnlyList<SubmissionValueResponse> Values, string? PageUrl)
{
    public static SubmissionResponse Of(FormSubmission submission) => new(
        submission.ConversionId,
        submission.SubmittedAt.ToUnixTimeMilliseconds(),
        submission.Values.Select(v => new SubmissionValueResponse(v.Name, v.Value)).ToList(),
        submission.PageUrl);
}

/// <summary>A submission the admin API records, as if a visitor had sent the form; <c>submittedAt</c> defaults to now.</summary>
internal sealed record AdminSubmission
{
    public Dictionary<string, string>? Values { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public string? PageUrl { get; init; }
}

/// <summary>
/// GET /form-integrations/v1/submissions/forms/{formGuid}: a form's submissions newest first, <c>limit</c> 1 to 50
/// (20 by default), continued with <c>after</c>. The cursor names the last submission served, so submissions made
/// while a client pages never shift the pages it has still to read.
/// </summary>
internal static class FormSubmissionHandlers
{
    private const int DefaultLimit = 20;
    private const int MaxLimit = 50;

    public static IResult List(string formGuid, HttpContext http)
    {
        var query = http.Request.Query;
        var limit = int.TryParse(query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? Math.Clamp(parsed, 1, MaxLimit) : DefaultLimit;
        (long Ticks, long Sequence)? after = null;
        if (query["after"].ToString() is { Length: > 0 } cursor)
        {
            if (Decode(cursor) is not { } position)
            {
                return HubSpotErrors.Validation($"Invalid after cursor: {cursor}");
            }

            after = position;
        }

        return Caller.Of(http).Portal.Read(state =>
        {
            if (!state.Forms.Any(f => f.Id == formGuid))
            {
                return FormHandlers.FormNotFound(formGuid);
            }

            var page = state.FormSubmissions
                .Where(s => s.FormId == formGuid && (after is not { } a || Key(s).CompareTo(a) < 0))
                .OrderByDescending(Key)
                .Take(limit + 1)
                .ToList();
            var served = page.Take(limit).ToList();
            var paging = page.Count > limit ? new Paging(new PagingNext(Encode(Key(served[^1])))) : null;
            return SandboxJson.Json(new SubmissionPage(served.Select(SubmissionResponse.Of).ToList(), paging));
        });
    }

    /// <summary>POST /_sandbox/portals/{portalId}/forms/{formId}/submissions: records a submission (tests and demos).</summary>
    public static async Task<IResult> AddAsync(long portalId, string formId, HttpRequest request, PortalRegistry portals, RecordWriter writer, CancellationToken cancellationToken)
    {
        var (input, error) = await AdminBody.ReadAsync<AdminSubmission>(request, cancellationToken);
        if (input is null)
        {
            return error!;
        }

        if (input.Values is not { Count: > 0 } values)
        {
            return HubSpotErrors.Validation("values (field name to value) are required");
        }

        if (portals.Find(portalId) is not { } portal)
        {
            return HubSpotErrors.NotFound($"No portal {portalId}");
        }

        return writer.Locked(portal, context =>
        {
            if (context.State.Forms.FirstOrDefault(f => f.Id == formId) is not { } form)
            {
                return FormHandlers.FormNotFound(formId);
            }

            var submission = FormSubmission.Add(
                context.State.FormSubmissions, form, Guid.NewGuid().ToString(), input.SubmittedAt ?? context.Now,
                values.Select(v => new FormValue(v.Key, v.Value)).ToList(), input.PageUrl);
            return SandboxJson.Json(SubmissionResponse.Of(submission), StatusCodes.Status201Created);
        });
    }

    private static (long Ticks, long Sequence) Key(FormSubmission submission) => (submission.SubmittedAt.UtcTicks, submission.Sequence);

    // Opaque to clients, as HubSpot's cursors are.
    private static string Encode((long Ticks, long Sequence) key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{key.Ticks}:{key.Sequence}"))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (long Ticks, long Sequence)? Decode(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            var parts = text.Split(':');
            return parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                ? (ticks, sequence)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private sealed record SubmissionPage(IReadOnlyList<SubmissionResponse> Results, Paging? Paging);
}
