using Abm.Engines.Engagement.Evaluation;

namespace Abm.Engines.Tests.Engagement.Evaluation;

public class ScoreMetricsTests
{
    [Fact]
    public void Auc_HandComputedPairs_CountsWinsAndHalfTies()
    {
        // Positives 0.9 and 0.5; negatives 0.5 and 0.1. Pairs: (0.9,0.5) win, (0.9,0.1) win, (0.5,0.5) tie, (0.5,0.1) win = 3.5 / 4.
        ScoreMetrics.Auc([0.9, 0.5, 0.5, 0.1], [true, true, false, false])!.Value.ShouldBe(0.875, 1e-12);
    }

    [Fact]
    public void Auc_PerfectReversedAndOneSided_AreOneZeroAndNull()
    {
        ScoreMetrics.Auc([3, 2, 1], [true, false, false])!.Value.ShouldBe(1);
        ScoreMetrics.Auc([1, 2, 3], [true, false, false])!.Value.ShouldBe(0);
        ScoreMetrics.Auc([1, 2, 3], [true, true, true]).ShouldBeNull();
    }

    [Fact]
    public void AucOfTopThird_SixItems_MarksTheTwoLargestTruthsPositive()
    {
        // Truth ranks: items 4 and 5 are the top third. Scores put item 5 first and item 4 third: 7 of 8 pairs won.
        ScoreMetrics.AucOfTopThird([1, 2, 3, 5, 4, 6], [0.1, 0.2, 0.3, 0.4, 0.8, 0.9])!.Value.ShouldBe(7 / 8.0, 1e-12);
    }

    [Fact]
    public void RankCorrelation_HandComputed_MatchesSpearmanFormula()
    {
        // Ranks x 1..5, y 2,1,4,3,5: sum d^2 = 4, rho = 1 - 6*4/(5*24) = 0.8.
        ScoreMetrics.RankCorrelation([10, 20, 30, 40, 50], [2, 1, 4, 3, 5])!.Value.ShouldBe(0.8, 1e-12);
        ScoreMetrics.RankCorrelation([1, 2, 3], [3, 2, 1])!.Value.ShouldBe(-1, 1e-12);
        ScoreMetrics.RankCorrelation([1, 1, 1], [3, 2, 1]).ShouldBeNull();
    }

    [Fact]
    public void Auc_RandomData_EqualsBruteForcePairCount()
    {
        var random = new Random(77);
        for (var run = 0; run < 300; run++)
        {
            var n = random.Next(2, 40);
            double[] scores = [.. Enumerable.Range(0, n).Select(_ => (double)random.Next(0, 6))];
            bool[] positive = [.. Enumerable.Range(0, n).Select(_ => random.Next(2) == 0)];
            double wins = 0, pairs = 0;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    if (positive[i] && !positive[j])
                    {
                        pairs++;
                        wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                    }
                }
            }

            var auc = ScoreMetrics.Auc(scores, positive);
            if (pairs == 0)
            {
                auc.ShouldBeNull();
            }
            else
            {
                auc!.Value.ShouldBe(wins / pairs, 1e-9);
            }
        }
    }
}
