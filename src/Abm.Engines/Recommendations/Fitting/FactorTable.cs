using Abm.Engines.Content;
using Abm.Engines.Recommendations.Evaluation;

namespace Abm.Engines.Recommendations.Fitting;

/// <summary>
/// A period's six factor values for every contact and every item it could be shown, computed once, so judging a
/// weighting is a weighted sum and a top-k per contact instead of a full recommendation.
/// </summary>
internal sealed class FactorTable
{
    public const int FactorCount = 6;

    private static readonly RelevanceWeights Unit = new() { Industry = 1, Persona = 1, Stage = 1, EngagementHistory = 1, Freshness = 1, Performance = 1 };

    private readonly List<Row> _rows = [];
    private readonly int _maxPerFormat;
    private readonly int _k;

    public FactorTable(FittingPeriod period, int k)
    {
        _k = k;
        _maxPerFormat = period.Recommender.Settings.MaxPerFormat;
        var library = period.Recommender.Library;
        foreach (var @case in period.Cases)
        {
            var context = new ContactContext(@case.Profile, library);
            var candidates = Enumerable.Range(0, library.Items.Length).Where(item => period.Recommender.IsCandidate(item, context)).ToArray();
            var grades = candidates.Select(item => @case.Grades.GetValueOrDefault(library.Items[item].Id)).ToArray();
            var ideal = RankingMetrics.DiscountedCumulativeGain([.. grades.OrderDescending().Take(k)], k);
            if (ideal <= 0)
            {
                continue;
            }

            var factors = new float[candidates.Length * FactorCount];
            for (var c = 0; c < candidates.Length; c++)
            {
                var raw = RelevanceFactors.Contributions(library, candidates[c], context, Unit);
                factors[(c * FactorCount) + 0] = (float)raw.Industry;
                factors[(c * FactorCount) + 1] = (float)raw.Persona;
                factors[(c * FactorCount) + 2] = (float)raw.Stage;
                factors[(c * FactorCount) + 3] = (float)raw.EngagementHistory;
                factors[(c * FactorCount) + 4] = (float)raw.Freshness;
                factors[(c * FactorCount) + 5] = (float)raw.Performance;
            }

            _rows.Add(new Row(factors, grades, [.. candidates.Select(item => library.Types[item])], ideal));
        }
    }

    public int Contacts => _rows.Count;

    /// <summary>Mean NDCG@k and hit-rate@k of the lists the recommender would show under <paramref name="weights"/>.</summary>
    public WeightEvaluation Evaluate(ReadOnlySpan<double> weights)
    {
        if (_rows.Count == 0)
        {
            return new WeightEvaluation(0, 0, 0);
        }

        double ndcg = 0;
        var hits = 0;
        var buffer = new double[_rows.Max(r => r.Grades.Length)];
        foreach (var row in _rows)
        {
            var scores = buffer.AsSpan(0, row.Grades.Length);
            for (var c = 0; c < scores.Length; c++)
            {
                var offset = c * FactorCount;
                var total = 0.0;
                for (var f = 0; f < FactorCount; f++)
                {
                    total += weights[f] * row.Factors[offset + f];
                }

                scores[c] = total;
            }

            // Shown best first, equal scores by item order, exactly as the recommender orders its picks.
            var picks = VariedPicks.Pick(scores, _k, row.Types, _maxPerFormat);
            VariedPicks.SortShown(picks, scores);
            var shown = picks.ConvertAll(c => row.Grades[c]);
            ndcg += RankingMetrics.DiscountedCumulativeGain(shown, _k) / row.IdealGain;
            hits += RankingMetrics.IsHit(shown, _k, hitGrade: 1) ? 1 : 0;
        }

        return new WeightEvaluation(ndcg / _rows.Count, (double)hits / _rows.Count, _rows.Count);
    }

    // Factors as floats: half the memory of a large sample, and far more precision than the factors carry.
    private sealed record Row(float[] Factors, int[] Grades, ContentType[] Types, double IdealGain);
}
