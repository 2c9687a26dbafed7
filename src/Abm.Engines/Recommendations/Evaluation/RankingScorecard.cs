namespace Abm.Engines.Recommendations.Evaluation;

/// <summary>
/// Mean NDCG@k and hit-rate@k of one policy over many contacts. A contact none of whose candidates is relevant is
/// skipped (counted in <see cref="Skipped"/>): no ranking can do well or badly for it, and every policy skips the
/// same contacts when they share the candidates.
/// </summary>
public sealed class RankingScorecard(string policy, int k, int hitGrade = RankingMetrics.DefaultHitGrade)
{
    private double _ndcgSum;
    private int _hits;

    /// <summary>The policy's name, as printed.</summary>
    public string Policy { get; } = policy;

    /// <summary>The cut-off rank.</summary>
    public int K { get; } = k;

    /// <summary>Contacts with at least one relevant candidate.</summary>
    public int Evaluated { get; private set; }

    /// <summary>Contacts left out because none of their candidates is relevant.</summary>
    public int Skipped { get; private set; }

    /// <summary>Mean NDCG@k over the evaluated contacts (0 when none).</summary>
    public double Ndcg => Evaluated == 0 ? 0 : _ndcgSum / Evaluated;

    /// <summary>Share of the evaluated contacts whose top k holds an item of the hit grade or better (0 when none).</summary>
    public double HitRate => Evaluated == 0 ? 0 : (double)_hits / Evaluated;

    /// <summary>Adds one contact: the grades of what the policy ranked for it, and of every candidate it could rank.</summary>
    public void Add(IReadOnlyList<int> rankedGrades, IReadOnlyCollection<int> candidateGrades)
    {
        if (RankingMetrics.NormalizedDiscountedCumulativeGain(rankedGrades, candidateGrades, K) is not { } ndcg)
        {
            Skipped++;
            return;
        }

        Evaluated++;
        _ndcgSum += ndcg;
        _hits += RankingMetrics.IsHit(rankedGrades, K, hitGrade) ? 1 : 0;
    }
}
