using System.Security.Cryptography;
using System.Text;
using Abm.HubSpot.Sandbox.Persistence;

namespace Abm.HubSpot.Sandbox.Forms;

/// <summary>One field of a submission, as the submissions API lists it.</summary>
internal sealed record FormValue(string Name, string Value)
{
    /// <summary>What a contact types into a sandbox form: always the email, the name when the contact has one.</summary>
    public static IReadOnlyList<FormValue> OfContact(string email, string? firstName, string? lastName)
    {
        var values = new List<FormValue> { new("email", email) };
        if (firstName is { Length: > 0 })
        {
            values.Add(new FormValue("firstname", firstName));
        }

        if (lastName is { Length: > 0 })
        {
            values.Add(new FormValue("lastname", lastName));
        }

        return values;
    }
}

/// <summary>
/// One submission of a form: when it was sent, the values as submitted (email, firstname, ...) and the page it was
/// sent from. <paramref name="Sequence"/> orders submissions made in the same millisecond and keeps paging stable.
/// </summary>
internal sealed record FormSubmission(string FormId, string ConversionId, long Sequence, DateTimeOffset SubmittedAt, IReadOnlyList<FormValue> Values, string? PageUrl)
{
    /// <summary>Records a submission of <paramref name="form"/>, numbered after those already in <paramref name="submissions"/>.</summary>
    public static FormSubmission Add(AppendOnlyLog<FormSubmission> submissions, MarketingForm form, string conversionId, DateTimeOffset at, IReadOnlyList<FormValue> values, string? pageUrl)
    {
        // HubSpot keeps submission times to the millisecond.
        var submittedAt = new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        var submission = new FormSubmission(form.Id, conversionId, submissions.Count, submittedAt, values, pageUrl);
        submissions.Add(submission);
        return submission;
    }

    /// <summary>A GUID-shaped conversion id that follows from <paramref name="key"/>, so simulated submissions repeat for a seed.</summary>
    public static string ConversionIdFor(string key) => new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16)).ToString();
}
