namespace Abm.Engines.Engagement;

/// <summary>
/// Kinds of engagement the engine scores. Wire names are snake_case (<c>email_open</c>); see <see cref="WireNames"/>.
/// </summary>
public enum EngagementEventType
{
    /// <summary>A marketing email was opened.</summary>
    EmailOpen,

    /// <summary>A link in a marketing email was clicked.</summary>
    EmailClick,

    /// <summary>A tracked website page was viewed.</summary>
    WebsiteVisit,

    /// <summary>A gated or ungated asset was downloaded.</summary>
    ContentDownload,

    /// <summary>Content was shared on a social network.</summary>
    SocialShare,

    /// <summary>The contact attended a webinar (live or on demand).</summary>
    WebinarAttendance,

    /// <summary>The contact asked for a product demo.</summary>
    DemoRequest,

    /// <summary>The contact asked about pricing.</summary>
    PricingInquiry,

    /// <summary>Outcome signal: a form was submitted.</summary>
    FormSubmission,

    /// <summary>Outcome signal: a meeting with sales was booked.</summary>
    MeetingBooked,
}
