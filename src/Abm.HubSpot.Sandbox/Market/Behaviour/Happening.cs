namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>What a simulated buyer does at one moment.</summary>
internal enum HappeningKind
{
    MarketingEmail,
    EmailOpen,
    EmailClick,
    Visit,
    Download,
    FormSubmission,
    Meeting,
    Unsubscribe,
    TaskFollowUp,
    Reply,
}

/// <summary>Where a happening comes from: the buyer's own activity, an email the engine sent, or a sales task.</summary>
internal enum HappeningCause
{
    Organic,
    Send,
    Task,
}

/// <summary>
/// One scheduled action of a buyer. <paramref name="SourceId"/> is what it comes from: the marketing campaign or
/// the transactional email (the email events' campaign id), or the sales task; <paramref name="TrackingToken"/> is
/// ABM Engine's per-contact token when the action follows a link that carried one.
/// </summary>
internal sealed record Happening(
    DateTimeOffset At,
    HappeningKind Kind,
    long ContactId,
    HappeningCause Cause = HappeningCause.Organic,
    MarketContentItem? Item = null,
    long SourceId = 0,
    string? Url = null,
    int DurationSeconds = 0,
    string? TrackingToken = null);
