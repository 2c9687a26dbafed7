using Abm.Engines;
using Abm.Engines.Engagement;

namespace Abm.Server.Features.Content;

internal readonly record struct ContentEvent(Guid ContactId, EngagementEventType Type, DateTime OccurredAt, int? DurationSeconds);

/// <summary>An item's stored performance; <c>Meetings</c> is 0 in metrics stored before meetings were counted.</summary>
internal sealed record ContentPerformanceMetrics(
    double EngagementRate, double ConversionRate, double CompletionRate, int Contacts, int Events, DateTime ComputedAt, int Meetings = 0);

/// <summary>
/// Rates for one content item, from the events that reference it and the outcomes that followed:
/// engagement = share of reached contacts who did more than look (download, webinar, share, or stayed 30 s);
/// conversion = share of reached contacts with an outcome (demo, pricing, form, meeting) within 14 days after;
/// completion = mean share of the item's length actually spent on it, where durations are known;
/// meetings = reached contacts who booked a meeting in that same window (an item that leads to meetings).
/// </summary>
internal static class ContentPerformanceCalculator
{
    public static readonly TimeSpan ConversionWindow = TimeSpan.FromDays(14);
    private const int DeepVisitSeconds = 30;

    private static readonly HashSet<EngagementEventType> DeepTypes =
        [EngagementEventType.ContentDownload, EngagementEventType.WebinarAttendance, EngagementEventType.SocialShare];

    private static readonly HashSet<EngagementEventType> OutcomeTypes =
        [EngagementEventType.DemoRequest, EngagementEventType.PricingInquiry, EngagementEventType.FormSubmission, EngagementEventType.MeetingBooked];

    public static bool IsOutcome(EngagementEventType type) => OutcomeTypes.Contains(type);

    /// <param name="itemEvents">Events that reference the item.</param>
    /// <param name="outcomesByContact">Outcome times of the reached contacts (any content or none).</param>
    /// <param name="lengthMinutes">The item's length, when known.</param>
    /// <param name="now">When the metrics are computed; stored with them.</param>
    /// <param name="meetingsByContact">Meeting booking times of the reached contacts; none when null.</param>
    public static ContentPerformanceMetrics Compute(
        IReadOnlyList<ContentEvent> itemEvents, ILookup<Guid, DateTime> outcomesByContact, int? lengthMinutes, DateTime now, ILookup<Guid, DateTime>? meetingsByContact = null)
    {
        var byContact = itemEvents.GroupBy(e => e.ContactId).ToList();
        if (byContact.Count == 0)
        {
            return new ContentPerformanceMetrics(0, 0, 0, 0, 0, now);
        }

        var engaged = byContact.Count(g => g.Any(e => DeepTypes.Contains(e.Type) || e.DurationSeconds >= DeepVisitSeconds));
        var converted = byContact.Count(g => FollowedWithin(outcomesByContact[g.Key], g.Min(e => e.OccurredAt)));
        var meetings = meetingsByContact is null ? 0 : byContact.Count(g => FollowedWithin(meetingsByContact[g.Key], g.Min(e => e.OccurredAt)));
        var timed = lengthMinutes is > 0
            ? itemEvents.Where(e => e.DurationSeconds is > 0).Select(e => Math.Min(1.0, e.DurationSeconds!.Value / (lengthMinutes.Value * 60.0))).ToList()
            : [];
        return new ContentPerformanceMetrics(
            (double)engaged / byContact.Count,
            (double)converted / byContact.Count,
            timed.Count == 0 ? 0 : timed.Average(),
            byContact.Count,
            itemEvents.Count,
            now,
            meetings);
    }

    private static bool FollowedWithin(IEnumerable<DateTime> outcomes, DateTime firstTouch) =>
        outcomes.Any(at => at >= firstTouch && at <= firstTouch + ConversionWindow);

    public static bool TryParse(string eventType, out EngagementEventType type) => WireNames.TryParseEventType(eventType, out type);
}
