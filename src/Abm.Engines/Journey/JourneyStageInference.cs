using Abm.Engines.Engagement;

namespace Abm.Engines.Journey;

/// <summary>
/// Infers a contact's journey stage from its deals and recent events with the written rules of
/// docs/scoring.md. Stages only move forward unless a user override is present.
/// </summary>
public static class JourneyStageInference
{
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
    /// The furthest stage any rule supports. Rules are checked from the furthest stage down, so the first
    /// rule that fires is the strongest evidence and the one reported.
    /// </summary>
    private static (JourneyStage Stage, JourneyRule Rule)? StrongestEvidence(JourneyStageInput input)
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

        var seen = TypesInWindow(input);
        if (seen.Contains(EngagementEventType.PricingInquiry) && seen.Contains(EngagementEventType.MeetingBooked))
        {
            return (JourneyStage.DecisionFinalization, JourneyRule.PricingWithMeeting);
        }

        // A closed-lost deal is deliberately no evidence: losing says nothing about moving forward.
        if (deals.Any(d => d is DealStage.AppointmentScheduled or DealStage.QualifiedToBuy or DealStage.PresentationScheduled))
        {
            return (JourneyStage.VendorEvaluation, JourneyRule.OpenDeal);
        }

        if (seen.Overlaps([EngagementEventType.DemoRequest, EngagementEventType.PricingInquiry, EngagementEventType.MeetingBooked]))
        {
            return (JourneyStage.VendorEvaluation, JourneyRule.HighIntentEvent);
        }

        if (seen.Overlaps([EngagementEventType.ContentDownload, EngagementEventType.WebinarAttendance, EngagementEventType.FormSubmission]))
        {
            return (JourneyStage.SolutionExploration, JourneyRule.ContentEngagement);
        }

        return seen.Count > 0 ? (JourneyStage.ProblemAwareness, JourneyRule.AwarenessActivity) : null;
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
