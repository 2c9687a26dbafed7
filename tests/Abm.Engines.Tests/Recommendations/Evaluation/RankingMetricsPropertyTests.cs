using Abm.Engines.Recommendations.Evaluation;

namespace Abm.Engines.Tests.Recommendations.Evaluation;

public class RankingMetricsPropertyTests
{
    [Fact]
    public void NormalizedDiscountedCumulativeGain_RandomRankingsOfRandomCandidates_WithinZeroAndOne()
    {
        var random = new Random(4001);
        for (var run = 0; run < 5000; run++)
        {
            var candidates = RandomGrades(random);
            var k = random.Next(1, 11);
            var ranking = candidates.OrderBy(_ => random.Next()).Take(random.Next(0, k + 3)).ToArray();

            var ndcg = RankingMetrics.NormalizedDiscountedCumulativeGain(ranking, candidates, k);

            if (candidates.Any(grade => grade > 0))
            {
                ndcg!.Value.ShouldBeInRange(0, 1 + 1e-12);
            }
            else
            {
                ndcg.ShouldBeNull();
            }
        }
    }

    [Fact]
    public void NormalizedDiscountedCumulativeGain_IdealRanking_ScoresOne()
    {
        var random = new Random(4002);
        for (var run = 0; run < 5000; run++)
        {
            var candidates = RandomGrades(random);
            if (candidates.All(grade => grade == 0))
            {
                continue;
            }

            var k = random.Next(1, 11);
            int[] ideal = [.. candidates.OrderDescending()];

            RankingMetrics.NormalizedDiscountedCumulativeGain(ideal, candidates, k)!.Value.ShouldBe(1, 1e-12);
        }
    }

    [Fact]
    public void NormalizedDiscountedCumulativeGain_SwappingABetterItemUp_NeverLowersTheScore()
    {
        var random = new Random(4003);
        for (var run = 0; run < 5000; run++)
        {
            var candidates = RandomGrades(random);
            if (candidates.Length < 2 || candidates.All(grade => grade == 0))
            {
                continue;
            }

            var k = random.Next(1, 11);
            var ranking = candidates.OrderBy(_ => random.Next()).ToArray();
            var (i, j) = (random.Next(ranking.Length), random.Next(ranking.Length));
            var (upper, lower) = (Math.Min(i, j), Math.Max(i, j));
            var before = RankingMetrics.NormalizedDiscountedCumulativeGain(ranking, candidates, k)!.Value;
            if (ranking[lower] > ranking[upper])
            {
                (ranking[upper], ranking[lower]) = (ranking[lower], ranking[upper]);
            }

            RankingMetrics.NormalizedDiscountedCumulativeGain(ranking, candidates, k)!.Value.ShouldBeGreaterThanOrEqualTo(before - 1e-12);
        }
    }

    private static int[] RandomGrades(Random random) => [.. Enumerable.Range(0, random.Next(1, 60)).Select(_ => random.Next(10) < 6 ? 0 : random.Next(1, 4))];
}
