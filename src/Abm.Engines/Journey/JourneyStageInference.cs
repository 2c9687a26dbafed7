using Abm.Engines.Engagement;

namespace Abm.Engines.Journey;

/// <summary>
/// Infers a contact's journey stage from its deals and recent events with the written rules of
/// docs/scoring.md. Stages only move forward unless a user override is present.
/// </summary>
public static class JourneyStageInference
{
    /// <summary>
    /// Half-life in days of a reading's vote for its stages. Short, because the stage moves: what the committee read
    /// this week says where it is better than what it read last month.
    /// </summary>
    public const double ReadingHalfLifeDays = 7;

    /// <summary>
    /// Vote weight (about this many fresh readings, the contact's or its account's) below which reading is not
    /// enough to place a contact: a single item read says little about where its buyer is.
    /// </summary>
    public const double MinimumReading = 3;

    /// <summary>Decides the contact's stage and the rule that fired.</summary>
    public static JourneyStageDecision Infer(JourneyStageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Override is { } manual)
        {
            return new JourneyStageDecision(manual, JourneyRule.ManualOverride, manual != input.CurrentStage);
        }

        var evidence = StrongestEvidence(input);
        if (evidence is not { } found)
        {
            return input.CurrentStage is { } kept
                ? new JourneyStageDecision(kept, JourneyRule.KeptCurrentStage, Changed: false)
                : new JourneyStageDecision(JourneyStage.ProblemAwareness, JourneyRule.NoEvidence, Changed: true);
        }

        if (input.CurrentStage is { } current && current > found.Stage)
        {
            return new JourneyStageDecision(current, JourneyRule.KeptCurrentStage, Changed: false);
        }

        return new JourneyStageDecision(found.Stage, found.Rule, found.Stage != input.CurrentStage);
    }

    /// <summary>
    /// The furthest stage the evidence supports: the further of what deals and high-intent events say and what
    /// recent reading says (on a tie, the deal or event rule is reported); with neither, the plain activity rules.
    /// </summary>
    private static (JourneyStage Stage, JourneyRule Rule)? StrongestEvidence(JourneyStageInput input)
    {
        var seen = TypesInWindow(input);
        var firm = DealAndIntentEvidence(input, seen);
        var reading = Math.Max(input.OwnReading.Total, input.AccountReading.Total) >= MinimumReading
            && StageVotes.Leading(input.OwnReading, input.AccountReading) is { } read
            ? (read, JourneyRule.ReadingStage)
            : ((JourneyStage, JourneyRule)?)null;
        if (firm is { } f && (reading is not { } r || f.Stage >= r.Item1))
        {
            return f;
        }

        if (reading is not null)
        {
            return reading;
        }

        if (seen.Overlaps([EngagementEventType.ContentDownload, EngagementEventType.WebinarAttendance, EngagementEventType.FormSubmission]))
        {
            return (JourneyStage.SolutionExploration, JourneyRule.ContentEngagement);
        }

        return seen.Count > 0 ? (JourneyStage.ProblemAwareness, JourneyRule.AwarenessActivity) : null;
    }

    /// <summary>
    /// The furthest stage deals and high-intent events support. Rules are checked from the furthest stage down, so
    /// the first rule that fires is the strongest evidence and the one reported.
    /// </summary>
    private static (JourneyStage Stage, JourneyRule Rule)? DealAndIntentEvidence(JourneyStageInput input, HashSet<EngagementEventType> seen)
    {
        var deals = input.DealStages;
        if (deals.Contains(DealStage.ClosedWon))
        {
            return (JourneyStage.PostPurchaseExpansion, JourneyRule.ClosedWonDeal);
        }

        if (deals.Any(d => d is DealStage.DecisionMakerBoughtIn or DealStage.ContractSent))
        {
            return (JourneyStage.DecisionFinalization, JourneyRule.LateStageDeal);
        }

        if (seen.Contains(EngagementEventType.PricingInquiry) && seen.Contains(EngagementEventType.MeetingBooked))
        {
            return (JourneyStage.DecisionFinalization, JourneyRule.PricingWithMeeting);
        }

        // A closed-lost deal is deliberately no evidence: losing says nothing about moving forward.
        if (deals.Any(d => d is DealStage.AppointmentScheduled or DealStage.QualifiedToBuy or DealStage.PresentationScheduled))
        {
            return (JourneyStage.VendorEvaluation, JourneyRule.OpenDeal);
        }

        return seen.Overlaps([EngagementEventType.DemoRequest, EngagementEventType.PricingInquiry, EngagementEventType.MeetingBooked])
            ? (JourneyStage.VendorEvaluation, JourneyRule.HighIntentEvent)
            : null;
    }

    private static HashSet<EngagementEventType> TypesInWindow(JourneyStageInput input)
    {
        var oldest = input.Now.AddDays(-input.EvidenceWindowDays);
        return input.Events
            .Where(e => e.OccurredAt >= oldest && e.OccurredAt <= input.Now)
            .Select(e => e.Type)
            .ToHashSet();
    }
}
