using Abm.Engines.Journey;

namespace Abm.Engines.Tests.Journey;

public sealed class DominantStageTests
{
    [Fact]
    public void Of_NoContacts_IsNull() => DominantStage.Of([]).ShouldBeNull();

    [Fact]
    public void Of_ClearMajority_IsThatStage() =>
        DominantStage.Of([JourneyStage.ProblemAwareness, JourneyStage.VendorEvaluation, JourneyStage.ProblemAwareness]).ShouldBe(JourneyStage.ProblemAwareness);

    [Fact]
    public void Of_Tie_IsTheLaterStage() =>
        DominantStage.Of([JourneyStage.DecisionFinalization, JourneyStage.SolutionExploration, JourneyStage.SolutionExploration, JourneyStage.DecisionFinalization])
            .ShouldBe(JourneyStage.DecisionFinalization);

    [Fact]
    public void Of_RandomGroups_MatchesCountingReference()
    {
        var random = new Random(4242);
        var stages = Enum.GetValues<JourneyStage>();
        for (var run = 0; run < 2000; run++)
        {
            var group = Enumerable.Range(0, random.Next(1, 30)).Select(_ => stages[random.Next(stages.Length)]).ToList();
            var most = group.GroupBy(s => s).Max(g => g.Count());
            var expected = group.GroupBy(s => s).Where(g => g.Count() == most).Max(g => g.Key);

            DominantStage.Of(group).ShouldBe(expected);
        }
    }
}
