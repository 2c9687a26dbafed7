using Abm.Engines.Engagement;
using Abm.Engines.Journey;

namespace Abm.Engines.Tests.Journey;

public class StageReadingTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 30, 0, 0, 0, TimeSpan.Zero);

    private static StageReading Read(double daysAgo, params JourneyStage[] stages) => new(Now.AddDays(-daysAgo), stages);

    private static StageVotes Votes(params StageReading[] readings) =>
        StageVotes.Of(readings, Now, JourneyStageInference.ReadingHalfLifeDays, 90);

    private static JourneyStageDecision Infer(JourneyStage? current, StageVotes own, StageVotes account, DealStage[]? deals = null, EngagementEventType[]? events = null) =>
        JourneyStageInference.Infer(new JourneyStageInput(current, null, deals ?? [], [.. (events ?? []).Select(t => new EngagementEvent(t, Now.AddDays(-1)))], Now)
        {
            OwnReading = own,
            AccountReading = account,
        });

    [Fact]
    public void Of_TwoReadings_HandComputedVotes()
    {
        // Today, an item for vendor evaluation: 1. A week ago (one half-life), an item for two stages: 0.5 split in two.
        // A future reading, one outside the window and one for no stage count nothing.
        var votes = Votes(
            Read(0, JourneyStage.VendorEvaluation),
            Read(7, JourneyStage.SolutionExploration, JourneyStage.VendorEvaluation),
            Read(-1, JourneyStage.DecisionFinalization),
            Read(91, JourneyStage.DecisionFinalization),
            Read(0));

        votes[JourneyStage.VendorEvaluation].ShouldBe(1.25, 1e-12);
        votes[JourneyStage.SolutionExploration].ShouldBe(0.25, 1e-12);
        votes[JourneyStage.DecisionFinalization].ShouldBe(0);
        votes.Total.ShouldBe(1.5, 1e-12);
    }

    [Fact]
    public void Leading_OwnAndAccountShares_AddedEvenlyWhateverTheAccountSize()
    {
        // Own: 3 readings for solution exploration (share 1). Account: 10 for vendor evaluation and 2 for solution
        // exploration (shares 5/6 and 1/6). Solution exploration: 1 + 1/6 beats vendor evaluation: 5/6.
        var own = Votes(Read(0, JourneyStage.SolutionExploration), Read(0, JourneyStage.SolutionExploration), Read(0, JourneyStage.SolutionExploration));
        var account = Votes([.. Enumerable.Repeat(Read(0, JourneyStage.VendorEvaluation), 10), .. Enumerable.Repeat(Read(0, JourneyStage.SolutionExploration), 2)]);

        StageVotes.Leading(own, account).ShouldBe(JourneyStage.SolutionExploration);
        StageVotes.Leading(StageVotes.None, account).ShouldBe(JourneyStage.VendorEvaluation);
        StageVotes.Leading(StageVotes.None, StageVotes.None).ShouldBeNull();
    }

    [Fact]
    public void Infer_EnoughReading_PlacesTheContactWhereItsAccountReads()
    {
        var account = Votes([.. Enumerable.Repeat(Read(1, JourneyStage.DecisionFinalization), 4)]);

        Infer(JourneyStage.ProblemAwareness, StageVotes.None, account, events: [EngagementEventType.ContentDownload])
            .ShouldBe(new JourneyStageDecision(JourneyStage.DecisionFinalization, JourneyRule.ReadingStage, Changed: true));
    }

    [Fact]
    public void Infer_TooLittleReading_FallsBackToTheActivityRules()
    {
        var account = Votes(Read(0, JourneyStage.DecisionFinalization), Read(0, JourneyStage.DecisionFinalization));

        Infer(null, account, account, events: [EngagementEventType.ContentDownload])
            .ShouldBe(new JourneyStageDecision(JourneyStage.SolutionExploration, JourneyRule.ContentEngagement, Changed: true));
    }

    [Fact]
    public void Infer_DealFurtherThanReading_DealWins_AndReadingFurtherThanDeal_ReadingWins()
    {
        var early = Votes([.. Enumerable.Repeat(Read(0, JourneyStage.SolutionExploration), 5)]);
        var late = Votes([.. Enumerable.Repeat(Read(0, JourneyStage.DecisionFinalization), 5)]);

        Infer(null, early, early, deals: [DealStage.ClosedWon]).Rule.ShouldBe(JourneyRule.ClosedWonDeal);
        Infer(null, late, late, deals: [DealStage.QualifiedToBuy])
            .ShouldBe(new JourneyStageDecision(JourneyStage.DecisionFinalization, JourneyRule.ReadingStage, Changed: true));
        Infer(null, late, late, deals: [DealStage.ContractSent]).Rule.ShouldBe(JourneyRule.LateStageDeal); // a tie reports the deal
    }

    [Fact]
    public void Infer_ReadingBehindTheCurrentStage_KeepsTheCurrentStage()
    {
        var early = Votes([.. Enumerable.Repeat(Read(0, JourneyStage.ProblemAwareness), 5)]);

        Infer(JourneyStage.VendorEvaluation, early, early)
            .ShouldBe(new JourneyStageDecision(JourneyStage.VendorEvaluation, JourneyRule.KeptCurrentStage, Changed: false));
    }

    [Fact]
    public void Leading_RandomVotes_IsTheLargestSumOfShares()
    {
        var random = new Random(3001);
        for (var run = 0; run < 2000; run++)
        {
            var own = RandomVotes(random);
            var account = StageVotes.Sum([own, RandomVotes(random)]);

            var leading = StageVotes.Leading(own, account);

            var stages = Enum.GetValues<JourneyStage>();
            double Share(StageVotes votes, JourneyStage stage) => votes.Total > 0 ? votes[stage] / votes.Total : 0;
            if (account.Total == 0)
            {
                leading.ShouldBeNull();
                continue;
            }

            var best = stages.Max(s => Share(own, s) + Share(account, s));
            (Share(own, leading!.Value) + Share(account, leading.Value)).ShouldBe(best, 1e-12);
            foreach (var earlier in stages.Where(s => s < leading.Value))
            {
                (Share(own, earlier) + Share(account, earlier)).ShouldBeLessThan(best);
            }
        }
    }

    private static StageVotes RandomVotes(Random random) =>
        Votes([.. Enumerable.Range(0, random.Next(0, 6)).Select(_ => Read(random.NextDouble() * 30, [.. Enum.GetValues<JourneyStage>().Where(_ => random.Next(3) == 0)]))]);
}
