using System.Runtime.CompilerServices;
using Abm.HubSpot.Crm;
using Abm.HubSpot.Http;

namespace Abm.HubSpot.Forms;

/// <summary>The portal's forms (marketing forms v3) and their submissions (form integrations v1); both need the <c>forms</c> scope.</summary>
public sealed class FormsClient
{
    /// <summary>Forms per page the client asks for; portals have few forms, and HubSpot does not document its maximum.</summary>
    public const int FormPageSize = 50;

    /// <summary>HubSpot's largest page of submissions.</summary>
    public const int MaxSubmissionPageSize = 50;

    private readonly HubSpotTransport _transport;

    internal FormsClient(HubSpotTransport transport) => _transport = transport;

    /// <summary>
    /// One page of the portal's unarchived forms of every type (HubSpot forms, captured non-HubSpot forms, pop-ups,
    /// blog comments); pass the previous page's <see cref="FormPage.After"/> to continue.
    /// </summary>
    public async Task<FormPage> ListPageAsync(string? after = null, CancellationToken cancellationToken = default)
    {
        var path = HubSpotPaths.WithQuery(HubSpotPaths.Forms, ("limit", FormPageSize), ("after", after), ("formTypes", "all"));
        var page = await _transport.SendAsync<PageDto<FormDto>>(HubSpotRequest.Get(path), cancellationToken);
        return new FormPage((page?.Results ?? []).Select(f => f.ToForm()).ToList(), page?.NextAfter);
    }

    /// <summary>Every form of the portal, one call per page.</summary>
    public async IAsyncEnumerable<HubSpotForm> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in CursorPaging.ReadAllAsync((cursor, ct) => ListPageAsync(cursor, ct), page => page.After, null, cancellationToken))
        {
            foreach (var form in page.Results)
            {
                yield return form;
            }
        }
    }

    /// <summary>
    /// One page of a form's submissions, newest first; pass the previous page's <see cref="FormSubmissionPage.After"/>
    /// for the older ones. <paramref name="pageSize"/> is kept within 1 to 50. An unknown form is a 404
    /// <see cref="HubSpotApiException"/>.
    /// </summary>
    public async Task<FormSubmissionPage> ListSubmissionPageAsync(string formId, string? after = null, int pageSize = MaxSubmissionPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(formId);
        var path = HubSpotPaths.WithQuery(HubSpotPaths.FormSubmissions(formId), ("limit", Math.Clamp(pageSize, 1, MaxSubmissionPageSize)), ("after", after));
        var page = await _transport.SendAsync<PageDto<FormSubmissionDto>>(HubSpotRequest.Get(path), cancellationToken);
        return new FormSubmissionPage((page?.Results ?? []).Select(s => s.ToSubmission()).ToList(), page?.NextAfter);
    }

    /// <summary>
    /// A form's submissions page by page, newest first, one call per page. Stop enumerating once the pages reach
    /// submissions already read: no further call is made.
    /// </summary>
    public IAsyncEnumerable<FormSubmissionPage> ListSubmissionPagesAsync(string formId, int pageSize = MaxSubmissionPageSize, CancellationToken cancellationToken = default) =>
        CursorPaging.ReadAllAsync((cursor, ct) => ListSubmissionPageAsync(formId, cursor, pageSize, ct), page => page.After, null, cancellationToken);
}
