using Abm.Engines.Engagement;
using Abm.Engines.Journey;
using Abm.Engines.Nurture;

namespace Abm.Engines.Tests.Nurture;

public class TriggerMatchTests
{
    [Theory]
    [InlineData(69.0, 70.0, true)]
    [InlineData(70.0, 75.0, false)] // already at or above: no crossing
    [InlineData(50.0, 69.9, false)]
    [InlineData(80.0, 60.0, false)] // the other way
    public void Fires_ScoreCrossedUpAt70_OnlyFromBelowToAtOrAbove(double before, double after, bool fires) =>
        TriggerMatch.Fires(new ScoreCrossedTrigger(70, CrossingDirection.Up), new ContactChange(before, after)).ShouldBe(fires);

    [Theory]
    [InlineData(40.0, 39.0, true)]
    [InlineData(39.0, 30.0, false)]
    [InlineData(30.0, 45.0, false)]
    public void Fires_ScoreCrossedDownAt40_OnlyFromAtOrAboveToBelow(double before, double after, bool fires) =>
        TriggerMatch.Fires(new ScoreCrossedTrigger(40, CrossingDirection.Down), new ContactChange(before, after)).ShouldBe(fires);

    [Fact]
    public void Fires_StageEntered_OnlyWhenTheStageChangesToIt()
    {
        var trigger = new StageEnteredTrigger(JourneyStage.VendorEvaluation);

        TriggerMatch.Fires(trigger, new ContactChange(StageBefore: JourneyStage.SolutionExploration, StageAfter: JourneyStage.VendorEvaluation)).ShouldBeTrue();
        TriggerMatch.Fires(trigger, new ContactChange(StageBefore: JourneyStage.VendorEvaluation, StageAfter: JourneyStage.VendorEvaluation)).ShouldBeFalse();
        TriggerMatch.Fires(trigger, new ContactChange(StageAfter: JourneyStage.VendorEvaluation)).ShouldBeFalse();
    }

    [Fact]
    public void Fires_EventSegmentAndLeadPriority_MatchTheirOwnKindOnly()
    {
        var pricing = new ContactChange(NewEvents: [EngagementEventType.PricingInquiry]);

        TriggerMatch.Fires(new EventTrigger(EngagementEventType.PricingInquiry), pricing).ShouldBeTrue();
        TriggerMatch.Fires(new EventTrigger(EngagementEventType.DemoRequest), pricing).ShouldBeFalse();
        TriggerMatch.Fires(new SegmentJoinedTrigger("engaged"), new ContactChange(Segments: new HashSet<string> { "engaged" })).ShouldBeTrue();
        TriggerMatch.Fires(new SegmentJoinedTrigger("engaged"), pricing).ShouldBeFalse();
        TriggerMatch.Fires(new LeadPriorityTrigger(LeadPriority.High), new ContactChange(LeadPrioritySet: LeadPriority.High)).ShouldBeTrue();
        TriggerMatch.Fires(new LeadPriorityTrigger(LeadPriority.High), new ContactChange(LeadPrioritySet: LeadPriority.Low)).ShouldBeFalse();
        TriggerMatch.Fires(new ManualTrigger(), pricing).ShouldBeFalse();
    }

    [Fact]
    public void Fires_RandomScoreChanges_AgreeWithTheSignOfTheCrossing()
    {
        var random = new Random(5);
        for (var i = 0; i < 5_000; i++)
        {
            var (before, after, threshold) = (random.Next(0, 101), random.Next(0, 101), random.Next(0, 101));
            var change = new ContactChange(before, after);
            var side = (before >= threshold, after >= threshold);

            TriggerMatch.Fires(new ScoreCrossedTrigger(threshold, CrossingDirection.Up), change).ShouldBe(side == (false, true));
            TriggerMatch.Fires(new ScoreCrossedTrigger(threshold, CrossingDirection.Down), change).ShouldBe(side == (true, false));
        }
    }
}
