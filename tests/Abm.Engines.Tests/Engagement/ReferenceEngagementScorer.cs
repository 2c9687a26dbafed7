using Abm.Engines.Engagement;

namespace Abm.Engines.Tests.Engagement;

/// <summary>
/// An independent, deliberately plain transcription of the formulas in docs/scoring.md (days and powers of
/// one half instead of ticks and exponentials), used as the oracle for the optimised scorer.
/// </summary>
internal static class ReferenceEngagementScorer
{
    public static (double Total, double Recency, double Frequency, double Quality, double Diversity, double Progression) Score(
        IReadOnlyList<EngagementEvent> events, DateTimeOffset now, EngagementSettings settings)
    {
        var counted = events
            .Select(e => (e.Type, AgeDays: (now - e.OccurredAt).TotalDays))
            .Where(e => e.AgeDays >= 0 && e.AgeDays <= settings.WindowDays)
            .Select(e => (e.Type, Decay: Math.Pow(0.5, e.AgeDays / settings.HalfLifeDays), Recent: Math.Pow(0.5, e.AgeDays / settings.RecencyHalfLifeDays)))
            .ToList();

        var recency = Saturate(counted.Sum(e => e.Recent), settings.RecencyHalfSaturation, settings.SaturationSteepness);
        var decayedCount = counted.Sum(e => e.Decay);
        var frequency = Saturate(decayedCount, settings.FrequencyHalfSaturation, settings.SaturationSteepness);
        var points = counted.Sum(e => settings.Weights[e.Type] * e.Decay);
        var quality = Saturate(points, settings.QualityHalfSaturation, settings.SaturationSteepness);
        var freshTypes = counted.GroupBy(e => e.Type).Sum(g => g.Max(e => e.Decay));
        var diversity = 100 * Math.Min(1, freshTypes / settings.DiversityTarget);
        var progression = counted.Count == 0 ? 0 : 100 * counted.Max(e => Depth(e.Type) / 4.0 * e.Decay);
        var total = (0.20 * recency) + (0.25 * frequency) + (0.25 * quality) + (0.15 * diversity) + (0.15 * progression);
        return (total, recency, frequency, quality, diversity, progression);
    }

    private static double Saturate(double x, double half, double n) => x == 0 ? 0 : 100 * Math.Pow(x, n) / (Math.Pow(x, n) + Math.Pow(half, n));

    private static int Depth(EngagementEventType type) => type switch
    {
        EngagementEventType.EmailOpen or EngagementEventType.EmailClick
            or EngagementEventType.WebsiteVisit or EngagementEventType.SocialShare => 1,
        EngagementEventType.ContentDownload or EngagementEventType.WebinarAttendance => 2,
        EngagementEventType.FormSubmission or EngagementEventType.PricingInquiry => 3,
        _ => 4,
    };
}
