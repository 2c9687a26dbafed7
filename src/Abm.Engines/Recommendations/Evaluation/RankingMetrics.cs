namespace Abm.Engines.Recommendations.Evaluation;

/// <summary>
/// Offline ranking metrics for judging a recommender against graded relevance (0 = irrelevant and up). A ranking
/// is given as the grades of its items in rank order; the candidates are every item the ranking could have
/// picked from, so the ideal ranking is the candidates' grades sorted from best down.
/// </summary>
public static class RankingMetrics
{
    /// <summary>The grade from which an item counts as a hit (2 on the sandbox's 0..3 scale: clearly relevant).</summary>
    public const int DefaultHitGrade = 2;

    /// <summary>
    /// Discounted cumulative gain of the first <paramref name="k"/> ranks: the sum over rank i (1-based) of
    /// (2^grade - 1) / log2(i + 1). The exponential gain rewards a highly relevant item far more than two
    /// loosely relevant ones, and the discount makes rank 1 count most.
    /// </summary>
    public static double DiscountedCumulativeGain(IReadOnlyList<int> rankedGrades, int k)
    {
        ArgumentNullException.ThrowIfNull(rankedGrades);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var gain = 0.0;
        for (var rank = 1; rank <= Math.Min(k, rankedGrades.Count); rank++)
        {
            var grade = rankedGrades[rank - 1];
            ArgumentOutOfRangeException.ThrowIfNegative(grade, nameof(rankedGrades));
            gain += (Math.Pow(2, grade) - 1) / Math.Log2(rank + 1);
        }

        return gain;
    }

    /// <summary>
    /// NDCG@k: the ranking's DCG divided by the DCG of the best ranking of <paramref name="candidateGrades"/>, so
    /// 1 means nothing better could have been shown. Null when no candidate is relevant at all (every ranking is
    /// then equally good and the ratio is undefined). The ranking must be drawn from the candidates.
    /// </summary>
    public static double? NormalizedDiscountedCumulativeGain(IReadOnlyList<int> rankedGrades, IEnumerable<int> candidateGrades, int k)
    {
        ArgumentNullException.ThrowIfNull(candidateGrades);
        var ideal = DiscountedCumulativeGain([.. candidateGrades.OrderDescending().Take(k)], k);
        return ideal > 0 ? DiscountedCumulativeGain(rankedGrades, k) / ideal : null;
    }

    /// <summary>Whether the first <paramref name="k"/> ranks hold at least one item of grade <paramref name="hitGrade"/> or more.</summary>
    public static bool IsHit(IReadOnlyList<int> rankedGrades, int k, int hitGrade = DefaultHitGrade)
    {
        ArgumentNullException.ThrowIfNull(rankedGrades);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return rankedGrades.Take(k).Any(grade => grade >= hitGrade);
    }
}
