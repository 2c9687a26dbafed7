using Abm.Engines.Engagement;
using Abm.Engines.Journey;

namespace Abm.Engines.Tests.Journey;

public class JourneyStageInferenceTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 30, 0, 0, 0, TimeSpan.Zero);

    private static JourneyStageDecision Infer(
        JourneyStage? current,
        DealStage[]? deals = null,
        EngagementEventType[]? recent = null,
        JourneyStage? manual = null) =>
        JourneyStageInference.Infer(new JourneyStageInput(
            current,
            manual,
            deals ?? [],
            (recent ?? []).Select(t => new EngagementEvent(t, Now.AddDays(-3))).ToList(),
            Now));

    [Theory]
    [InlineData(DealStage.ClosedWon, JourneyStage.PostPurchaseExpansion, JourneyRule.ClosedWonDeal)]
    [InlineData(DealStage.ContractSent, JourneyStage.DecisionFinalization, JourneyRule.LateStageDeal)]
    [InlineData(DealStage.DecisionMakerBoughtIn, JourneyStage.DecisionFinalization, JourneyRule.LateStageDeal)]
    [InlineData(DealStage.PresentationScheduled, JourneyStage.VendorEvaluation, JourneyRule.OpenDeal)]
    [InlineData(DealStage.QualifiedToBuy, JourneyStage.VendorEvaluation, JourneyRule.OpenDeal)]
    [InlineData(DealStage.AppointmentScheduled, JourneyStage.VendorEvaluation, JourneyRule.OpenDeal)]
    public void Infer_DealStage_MapsToStage(DealStage deal, JourneyStage expected, JourneyRule rule)
    {
        Infer(JourneyStage.ProblemAwareness, deals: [deal]).ShouldBe(new JourneyStageDecision(expected, rule, Changed: true));
    }

    [Theory]
    [InlineData(EngagementEventType.EmailOpen, JourneyStage.ProblemAwareness, JourneyRule.AwarenessActivity)]
    [InlineData(EngagementEventType.SocialShare, JourneyStage.ProblemAwareness, JourneyRule.AwarenessActivity)]
    [InlineData(EngagementEventType.ContentDownload, JourneyStage.SolutionExploration, JourneyRule.ContentEngagement)]
    [InlineData(EngagementEventType.WebinarAttendance, JourneyStage.SolutionExploration, JourneyRule.ContentEngagement)]
    [InlineData(EngagementEventType.FormSubmission, JourneyStage.SolutionExploration, JourneyRule.ContentEngagement)]
    [InlineData(EngagementEventType.DemoRequest, JourneyStage.VendorEvaluation, JourneyRule.HighIntentEvent)]
    [InlineData(EngagementEventType.PricingInquiry, JourneyStage.VendorEvaluation, JourneyRule.HighIntentEvent)]
    [InlineData(EngagementEventType.MeetingBooked, JourneyStage.VendorEvaluation, JourneyRule.HighIntentEvent)]
    public void Infer_SingleRecentEvent_MapsToStage(EngagementEventType type, JourneyStage expected, JourneyRule rule)
    {
        var decision = Infer(current: null, recent: [type]);

        decision.Stage.ShouldBe(expected);
        decision.Rule.ShouldBe(rule);
    }

    [Fact]
    public void Infer_PricingInquiryAndMeeting_DecisionFinalization()
    {
        Infer(JourneyStage.VendorEvaluation, recent: [EngagementEventType.PricingInquiry, EngagementEventType.MeetingBooked])
            .ShouldBe(new JourneyStageDecision(JourneyStage.DecisionFinalization, JourneyRule.PricingWithMeeting, Changed: true));
    }

    [Fact]
    public void Infer_EvidenceBehindCurrentStage_KeepsCurrentStage()
    {
        Infer(JourneyStage.VendorEvaluation, recent: [EngagementEventType.EmailOpen])
            .ShouldBe(new JourneyStageDecision(JourneyStage.VendorEvaluation, JourneyRule.KeptCurrentStage, Changed: false));
    }

    [Fact]
    public void Infer_EvidenceConfirmsCurrentStage_ReportsRuleUnchanged()
    {
        Infer(JourneyStage.SolutionExploration, recent: [EngagementEventType.ContentDownload])
            .ShouldBe(new JourneyStageDecision(JourneyStage.SolutionExploration, JourneyRule.ContentEngagement, Changed: false));
    }

    [Fact]
    public void Infer_ClosedLostDealOnly_NoEvidence()
    {
        Infer(current: null, deals: [DealStage.ClosedLost])
            .ShouldBe(new JourneyStageDecision(JourneyStage.ProblemAwareness, JourneyRule.NoEvidence, Changed: true));
    }

    [Fact]
    public void Infer_NoEvidenceWithCurrentStage_KeepsIt()
    {
        Infer(JourneyStage.DecisionFinalization)
            .ShouldBe(new JourneyStageDecision(JourneyStage.DecisionFinalization, JourneyRule.KeptCurrentStage, Changed: false));
    }

    [Fact]
    public void Infer_OverrideBackwards_WinsOverEvidence()
    {
        Infer(JourneyStage.VendorEvaluation, deals: [DealStage.ClosedWon], manual: JourneyStage.ProblemAwareness)
            .ShouldBe(new JourneyStageDecision(JourneyStage.ProblemAwareness, JourneyRule.ManualOverride, Changed: true));
    }

    [Fact]
    public void Infer_EventOutsideEvidenceWindow_Ignored()
    {
        var input = new JourneyStageInput(
            null, null, [], [new EngagementEvent(EngagementEventType.DemoRequest, Now.AddDays(-91))], Now);

        JourneyStageInference.Infer(input).Rule.ShouldBe(JourneyRule.NoEvidence);
    }

    [Fact]
    public void Infer_EventAfterNow_Ignored()
    {
        var input = new JourneyStageInput(
            JourneyStage.ProblemAwareness, null, [], [new EngagementEvent(EngagementEventType.DemoRequest, Now.AddHours(1))], Now);

        JourneyStageInference.Infer(input).Stage.ShouldBe(JourneyStage.ProblemAwareness);
    }

    [Fact]
    public void Infer_RandomInputsWithoutOverride_NeverMovesBackward()
    {
        var random = new Random(3001);
        var stages = Enum.GetValues<JourneyStage>();
        var deals = Enum.GetValues<DealStage>();
        var types = Enum.GetValues<EngagementEventType>();
        for (var run = 0; run < 5000; run++)
        {
            var current = stages[random.Next(stages.Length)];
            var decision = Infer(
                current,
                deals: Enumerable.Range(0, random.Next(3)).Select(_ => deals[random.Next(deals.Length)]).ToArray(),
                recent: Enumerable.Range(0, random.Next(5)).Select(_ => types[random.Next(types.Length)]).ToArray());

            ((int)decision.Stage).ShouldBeGreaterThanOrEqualTo((int)current);
            decision.Changed.ShouldBe(decision.Stage != current);
        }
    }
}
