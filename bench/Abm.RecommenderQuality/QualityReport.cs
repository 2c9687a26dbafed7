using System.Globalization;
using Abm.Engines.Recommendations.Evaluation;

namespace Abm.RecommenderQuality;

/// <summary>The scorecards of the three policies, of the scores and stages, and how long each phase of the run took.</summary>
public sealed class QualityReport(
    QualityRunOptions options, IReadOnlyList<RankingScorecard> scorecards, WeightFitStep fit, ScoreScorecard scores, QualityTimings timings)
{
    public QualityRunOptions Options { get; } = options;

    public IReadOnlyList<RankingScorecard> Scorecards { get; } = scorecards;

    public QualityTimings Timings { get; } = timings;

    public ScoreScorecard Scores { get; } = scores;

    public RankingScorecard Ours => Scorecard(RecommenderEvaluation.Ours);

    public RankingScorecard Popularity => Scorecard(RecommenderEvaluation.Popularity);

    public RankingScorecard Random => Scorecard(RecommenderEvaluation.Random);

    /// <summary>The server's recommendations under the weights it fitted on its own history, when it proposed them (else null).</summary>
    public RankingScorecard? OursFitted => Scorecards.SingleOrDefault(s => s.Policy == RecommenderEvaluation.OursFitted);

    /// <summary>What the weight fit found and whether it was approved.</summary>
    public WeightFitStep Fit { get; } = fit;

    public RankingScorecard Scorecard(string policy) => Scorecards.Single(s => s.Policy == policy);

    public void Print(TextWriter output)
    {
        var k = Options.K;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"policy",-16} {"contacts",9} {"skipped",8} {$"NDCG@{k}",8} {$"hit-rate@{k}",11}"));
        foreach (var card in Scorecards)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{card.Policy,-16} {card.Evaluated,9} {card.Skipped,8} {card.Ndcg,8:F4} {card.HitRate,11:P1}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ours / popularity: NDCG@{k} {Ratio(Ours.Ndcg, Popularity.Ndcg)}, hit-rate@{k} {Ratio(Ours.HitRate, Popularity.HitRate)}; ours / random: NDCG@{k} {Ratio(Ours.Ndcg, Random.Ndcg)}"));
        Fit.Print(output);
        if (OursFitted is { } fitted)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fitted / popularity: NDCG@{k} {Ratio(fitted.Ndcg, Popularity.Ndcg)}, hit-rate@{k} {Ratio(fitted.HitRate, Popularity.HitRate)}"));
        }

        Scores.Print(output);
        output.WriteLine(string.Join(", ", Timings.Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Phase} {p.Elapsed.TotalSeconds:F1} s")))
            + string.Create(CultureInfo.InvariantCulture, $"; total {Timings.Total.TotalSeconds:F1} s"));
    }

    private static string Ratio(double ours, double baseline) =>
        baseline > 0 ? (ours / baseline).ToString("F2", CultureInfo.InvariantCulture) + "x" : "n/a";
}
