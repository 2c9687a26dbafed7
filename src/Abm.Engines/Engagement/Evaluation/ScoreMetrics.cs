namespace Abm.Engines.Engagement.Evaluation;

/// <summary>
/// Offline measures of how well a score orders people or accounts against a known truth: the area under the ROC
/// curve for a yes/no truth and Spearman's rank correlation for a numeric one. Ties share their average rank, so
/// a score that cannot tell two items apart earns exactly half credit for that pair.
/// </summary>
public static class ScoreMetrics
{
    /// <summary>
    /// The chance that a randomly drawn positive scores above a randomly drawn negative (ties count half): 1 is a
    /// perfect ordering, 0.5 no better than chance. Null when there is no positive or no negative.
    /// </summary>
    public static double? Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positive);
        ArgumentOutOfRangeException.ThrowIfNotEqual(positive.Count, scores.Count, nameof(positive));
        var ranks = AverageRanks(scores);
        var positives = positive.Count(p => p);
        var negatives = positive.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return null;
        }

        // Mann-Whitney: the positives' rank sum minus its smallest possible value counts the pairs they win.
        var rankSum = ranks.Where((_, i) => positive[i]).Sum();
        return (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    /// <summary>The AUC of <paramref name="scores"/> against "<paramref name="truth"/> is in its top third".</summary>
    public static double? AucOfTopThird(IReadOnlyList<double> scores, IReadOnlyList<double> truth)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var ranks = AverageRanks(truth);
        var cut = truth.Count * 2 / 3.0;
        return Auc(scores, [.. ranks.Select(rank => rank > cut)]);
    }

    /// <summary>Spearman's rank correlation (-1..1): the Pearson correlation of the average ranks. Null below two items or for a constant input.</summary>
    public static double? RankCorrelation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentOutOfRangeException.ThrowIfNotEqual(y.Count, x.Count, nameof(y));
        if (x.Count < 2)
        {
            return null;
        }

        var (rx, ry) = (AverageRanks(x), AverageRanks(y));
        var (mx, my) = (rx.Average(), ry.Average());
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < rx.Length; i++)
        {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }

        return sxx == 0 || syy == 0 ? null : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>1-based ranks from the smallest value up; equal values share the mean of the ranks they span.</summary>
    internal static double[] AverageRanks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var shared = ((start + 1) + (end + 1)) / 2.0;
            for (var i = start; i <= end; i++)
            {
                ranks[order[i]] = shared;
            }

            start = end + 1;
        }

        return ranks;
    }
}
