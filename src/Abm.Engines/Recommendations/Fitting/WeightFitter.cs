namespace Abm.Engines.Recommendations.Fitting;

/// <summary>
/// Fits the six factor weights to a workspace's own outcomes with a time split. The search only sees the fit
/// period (contacts as of a first cut-off, judged on what they engaged with up to a second one); the held-out
/// period (contacts as of the second cut-off, judged on what came after) then judges the weights in force and
/// the fitted ones on equal terms, so a proposal is backed by outcomes the search never saw.
/// </summary>
public static class WeightFitter
{
    /// <summary>The steps of the search, largest first: each moves this much weight from one factor to another.</summary>
    private static readonly double[] Steps = [0.10, 0.05, 0.02];

    /// <summary>
    /// The least NDCG@k gain on the fit period for which the search leaves the weights it holds. Starting from the
    /// weights in force and asking for evidence before each move makes them the prior: noise does not move them.
    /// </summary>
    private const double MinimumGain = 0.0005;

    private const int MaxRoundsPerStep = 40;

    /// <summary>
    /// Searches the weights (non-negative, summing to 1) that maximise NDCG@<paramref name="k"/> on
    /// <paramref name="fit"/>, starting from <paramref name="current"/>, and judges both weightings on both periods.
    /// Deterministic: the same periods give the same weights.
    /// </summary>
    public static WeightFit Fit(FittingPeriod fit, FittingPeriod heldOut, RelevanceWeights current, int k = 5)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(heldOut);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        current.Validate();

        var fitTable = new FactorTable(fit, k);
        var weights = ToArray(current);
        var best = fitTable.Evaluate(weights);
        var tried = 1;
        foreach (var step in Steps)
        {
            for (var round = 0; round < MaxRoundsPerStep; round++)
            {
                var moved = false;
                for (var to = 0; to < FactorTable.FactorCount; to++)
                {
                    for (var from = 0; from < FactorTable.FactorCount; from++)
                    {
                        if (to == from || weights[from] < step - 1e-9)
                        {
                            continue;
                        }

                        var candidate = (double[])weights.Clone();
                        candidate[to] = Math.Round(candidate[to] + step, 9);
                        candidate[from] = Math.Round(candidate[from] - step, 9);
                        var evaluation = fitTable.Evaluate(candidate);
                        tried++;
                        if (evaluation.Ndcg > best.Ndcg + MinimumGain)
                        {
                            (weights, best, moved) = (candidate, evaluation, true);
                        }
                    }
                }

                if (!moved)
                {
                    break;
                }
            }
        }

        var fitted = FromArray(weights);
        var heldOutTable = new FactorTable(heldOut, k);
        return new WeightFit(
            current,
            fitted,
            fitTable.Evaluate(ToArray(current)),
            best,
            heldOutTable.Evaluate(ToArray(current)),
            heldOutTable.Evaluate(weights),
            tried);
    }

    /// <summary>NDCG@k and hit-rate@k of <paramref name="weights"/> on one period.</summary>
    public static WeightEvaluation Evaluate(FittingPeriod period, RelevanceWeights weights, int k = 5)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(weights);
        return new FactorTable(period, k).Evaluate(ToArray(weights));
    }

    private static double[] ToArray(RelevanceWeights w) => [w.Industry, w.Persona, w.Stage, w.EngagementHistory, w.Freshness, w.Performance];

    // Moves of a few hundredths leave floating-point residue; rounding to 6 places removes it, and the largest
    // weight absorbs what rounding leaves so the sum is exactly 1.
    private static RelevanceWeights FromArray(double[] w)
    {
        var rounded = w.Select(x => Math.Round(x, 6)).ToArray();
        var largest = Array.IndexOf(rounded, rounded.Max());
        rounded[largest] = Math.Round(rounded[largest] + 1 - rounded.Sum(), 9);
        var weights = new RelevanceWeights
        {
            Industry = rounded[0],
            Persona = rounded[1],
            Stage = rounded[2],
            EngagementHistory = rounded[3],
            Freshness = rounded[4],
            Performance = rounded[5],
        };
        weights.Validate();
        return weights;
    }
}
