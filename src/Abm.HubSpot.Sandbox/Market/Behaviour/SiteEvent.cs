namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>
/// A visit, download or form submission of a simulated buyer: what ABM Engine's event API would receive.
/// <paramref name="ClientEventId"/> is stable for the portal's seeding, so a redelivered event is a duplicate.
/// </summary>
internal sealed record SiteEvent(
    string ClientEventId,
    string Type,
    DateTimeOffset OccurredAt,
    long ContactId,
    string? ContactEmail,
    string? ContentExternalId,
    string? Url,
    int? DurationSeconds,
    string Cause,
    string? TrackingToken)
{
    public const string WebsiteVisit = "website_visit";
    public const string ContentDownload = "content_download";
    public const string FormSubmission = "form_submission";
}
