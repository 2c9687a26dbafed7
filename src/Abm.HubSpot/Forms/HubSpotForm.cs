namespace Abm.HubSpot.Forms;

/// <summary>A form of the portal (marketing forms v3). <see cref="Id"/> is the form guid its submissions are read by.</summary>
public sealed record HubSpotForm(string Id, string? Name, string? FormType, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, bool Archived);

/// <summary>One page of forms and the opaque cursor of the next page (null on the last page).</summary>
public sealed record FormPage(IReadOnlyList<HubSpotForm> Results, string? After);

/// <summary>One field of a submission as the visitor sent it, e.g. <c>email</c>.</summary>
public sealed record FormFieldValue(string Name, string? Value);

/// <summary>
/// One submission of a form: when it was sent, the field values and the page it was sent from.
/// <see cref="ConversionId"/> is HubSpot's id of the submission when it gives one.
/// </summary>
public sealed record FormSubmission(DateTimeOffset? SubmittedAt, IReadOnlyList<FormFieldValue> Values, string? PageUrl, string? ConversionId)
{
    /// <summary>The submitted <c>email</c> field, if any.</summary>
    public string? Email => Value("email");

    /// <summary>The value of the first field named <paramref name="name"/> (field names compared without case).</summary>
    public string? Value(string name) => Values.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
}

/// <summary>One page of a form's submissions, newest first, and the opaque cursor of the next (older) page; null on the last.</summary>
public sealed record FormSubmissionPage(IReadOnlyList<FormSubmission> Results, string? After);

// Wire shapes of the forms and submissions APIs; every field optional. Submission times are epoch milliseconds.
internal sealed record FormDto(string? Id, string? Name, string? FormType, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, bool Archived)
{
    public HubSpotForm ToForm() => new(Id ?? "", Name, FormType, CreatedAt, UpdatedAt, Archived);
}

internal sealed record FormValueDto(string? Name, string? Value);

internal sealed record FormSubmissionDto(string? ConversionId, long? SubmittedAt, List<FormValueDto>? Values, string? PageUrl)
{
    public FormSubmission ToSubmission() => new(
        SubmittedAt is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
        (Values ?? []).Where(v => v.Name is not null).Select(v => new FormFieldValue(v.Name!, v.Value)).ToList(),
        PageUrl,
        ConversionId);
}
