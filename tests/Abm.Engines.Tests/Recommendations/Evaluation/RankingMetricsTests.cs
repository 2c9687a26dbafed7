using Abm.Engines.Recommendations.Evaluation;

namespace Abm.Engines.Tests.Recommendations.Evaluation;

public class RankingMetricsTests
{
    [Fact]
    public void DiscountedCumulativeGain_GradesThreeZeroTwo_ExponentialGainOverLogDiscount()
    {
        // (2^3 - 1) / log2(2) + 0 / log2(3) + (2^2 - 1) / log2(4) = 7 + 0 + 1.5
        RankingMetrics.DiscountedCumulativeGain([3, 0, 2], 5).ShouldBe(8.5, 1e-12);
    }

    [Fact]
    public void DiscountedCumulativeGain_ItemsBeyondK_DoNotCount()
    {
        RankingMetrics.DiscountedCumulativeGain([0, 0, 0, 0, 0, 3], 5).ShouldBe(0);
    }

    [Fact]
    public void NormalizedDiscountedCumulativeGain_HandComputedCase_MatchesRatioToIdealRanking()
    {
        // Ideal order of the candidates is 3, 2, 1, 0, 0: 7 + 3 / log2(3) + 1 / log2(4) = 9.3927892607.
        var ndcg = RankingMetrics.NormalizedDiscountedCumulativeGain([3, 0, 2], [3, 2, 0, 1, 0], 5);

        ndcg!.Value.ShouldBe(8.5 / 9.3927892607143734, 1e-12);
        ndcg.Value.ShouldBe(0.904949505846, 1e-9);
    }

    [Fact]
    public void NormalizedDiscountedCumulativeGain_NoRelevantCandidate_IsUndefined()
    {
        RankingMetrics.NormalizedDiscountedCumulativeGain([0, 0], [0, 0, 0], 5).ShouldBeNull();
    }

    [Fact]
    public void NormalizedDiscountedCumulativeGain_IdealOnlyCountsTopK_ShortListOfTheBestScoresOne()
    {
        // Three label-3 items exist but k is 2: showing two of them is the best possible.
        RankingMetrics.NormalizedDiscountedCumulativeGain([3, 3], [3, 3, 3, 1], 2).ShouldBe(1);
    }

    [Theory]
    [InlineData(new[] { 1, 1, 2 }, 3, 2, true)]
    [InlineData(new[] { 1, 1, 1, 1, 1, 3 }, 5, 2, false)]
    [InlineData(new[] { 2, 2 }, 5, 3, false)]
    [InlineData(new int[0], 5, 2, false)]
    public void IsHit_GradesAndCutOff_HitOnlyWithAGoodEnoughItemInTopK(int[] grades, int k, int hitGrade, bool expected)
    {
        RankingMetrics.IsHit(grades, k, hitGrade).ShouldBe(expected);
    }

    [Fact]
    public void Scorecard_ThreeContacts_AveragesEvaluatedAndSkipsThoseWithNothingRelevant()
    {
        var card = new RankingScorecard("ours", 5);

        card.Add([2, 0], [2, 0, 3]); // 3 / (7 + 3 / log2(3)) = 0.3373519727, a hit
        card.Add([1], [1, 0]);       // 1, not a hit (grade 1)
        card.Add([0], [0, 0]);       // skipped

        card.Evaluated.ShouldBe(2);
        card.Skipped.ShouldBe(1);
        card.Ndcg.ShouldBe(0.6686759863552, 1e-9);
        card.HitRate.ShouldBe(0.5);
    }
}
