using Abm.Engines.Engagement;

namespace Abm.Benchmarks;

/// <summary>
/// The baseline: the scoring formulas of docs/scoring.md written the obvious way, with LINQ over event rows
/// grouped by contact. Kept here, not in the product, as the yardstick the fast path is measured against.
/// </summary>
internal static class LinqEngagementScorer
{
    public static double[] ScoreAll(IEnumerable<EventRow> rows, int contactCount, DateTimeOffset now, EngagementSettings settings)
    {
        var totals = new double[contactCount];
        foreach (var contact in rows.GroupBy(r => r.ContactId))
        {
            totals[contact.Key] = Score(contact.ToList(), now, settings);
        }

        return totals;
    }

    private static double Score(List<EventRow> events, DateTimeOffset now, EngagementSettings settings)
    {
        var counted = events
            .Select(e => new { e.Type, AgeDays = (now - e.OccurredAt).TotalDays })
            .Where(e => e.AgeDays >= 0 && e.AgeDays <= settings.WindowDays)
            .Select(e => new { e.Type, Decay = Math.Pow(0.5, e.AgeDays / settings.HalfLifeDays) })
            .ToList();
        if (counted.Count == 0)
        {
            return 0;
        }

        var recency = 100 * counted.Max(e => e.Decay);
        var count = counted.Sum(e => e.Decay);
        var frequency = 100 * count / (count + settings.FrequencyHalfSaturation);
        var points = counted.Sum(e => settings.Weights[e.Type] * e.Decay);
        var quality = 100 * points / (points + settings.QualityHalfSaturation);
        var types = counted.GroupBy(e => e.Type).Sum(g => g.Max(e => e.Decay));
        var diversity = 100 * Math.Min(1, types / settings.DiversityTarget);
        var progression = 100 * counted.Max(e => Depth(e.Type) / 4.0 * e.Decay);
        return (0.20 * recency) + (0.25 * frequency) + (0.25 * quality) + (0.15 * diversity) + (0.15 * progression);
    }

    private static int Depth(EngagementEventType type) => type switch
    {
        EngagementEventType.ContentDownload or EngagementEventType.WebinarAttendance => 2,
        EngagementEventType.FormSubmission or EngagementEventType.PricingInquiry => 3,
        EngagementEventType.DemoRequest or EngagementEventType.MeetingBooked => 4,
        _ => 1,
    };
}
