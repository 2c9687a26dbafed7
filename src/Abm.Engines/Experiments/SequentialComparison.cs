namespace Abm.Engines.Experiments;

/// <summary>
/// Treatment against control at one look: the difference in rates with its 95% interval and fixed-horizon p-value,
/// and the always-valid p-value that may be watched at every look (see <see cref="SequentialComparison"/>).
/// </summary>
public sealed record ArmComparison(
    string Treatment, string Control, double Difference, double StandardError, double Low, double High, double PValue, double AlwaysValidPValue, bool Significant);

/// <summary>
/// The comparison of two arms that is safe to peek at. A fixed-horizon test read every day and stopped at the first
/// p below 0.05 declares a false winner far more often than 5% of the time; here the evidence is a mixture
/// sequential probability ratio (a normal mixture over the effect, the mSPRT), whose reciprocal, kept as a running
/// minimum over the looks, is a p-value valid at any stopping time: stopping when it falls below alpha keeps the
/// false-positive rate at or under alpha however often the results are read.
/// </summary>
public static class SequentialComparison
{
    /// <summary>The smallest number of clusters per arm before any decision: the normal approximation needs a few.</summary>
    public const int MinimumClusters = 10;

    /// <param name="treatment">The arm under test.</param>
    /// <param name="control">The arm it is compared with.</param>
    /// <param name="alpha">The false-positive rate allowed, over all looks.</param>
    /// <param name="mixingSd">The effect size the test is tuned to find (e.g. 0.05, five points of conversion): the
    /// standard deviation of the normal mixture. The test is valid whatever it is; near the true effect it is fastest.</param>
    /// <param name="previousAlwaysValid">The always-valid p-value of the previous look (1 at the first).</param>
    public static ArmComparison Compare(ArmEstimate treatment, ArmEstimate control, double alpha, double mixingSd, double previousAlwaysValid = 1)
    {
        ArgumentNullException.ThrowIfNull(treatment);
        ArgumentNullException.ThrowIfNull(control);
        if (alpha is <= 0 or >= 1 || !(mixingSd > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), "alpha is in (0, 1) and the mixing deviation positive.");
        }

        var difference = treatment.Rate - control.Rate;
        var variance = treatment.Variance + control.Variance;
        if (treatment.Clusters < MinimumClusters || control.Clusters < MinimumClusters || double.IsInfinity(variance))
        {
            return new ArmComparison(treatment.Arm, control.Arm, difference, double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity, 1,
                Math.Min(1, previousAlwaysValid), false);
        }

        var standardError = Math.Sqrt(variance);
        var z95 = NormalDistribution.Quantile(0.975);
        var pValue = 2 * (1 - NormalDistribution.Cdf(Math.Abs(difference) / standardError));
        var tau2 = mixingSd * mixingSd;
        // log of the mixture likelihood ratio of N(0, V) against N(theta, V) with theta ~ N(0, tau^2).
        var logRatio = 0.5 * Math.Log(variance / (variance + tau2)) + difference * difference * tau2 / (2 * variance * (variance + tau2));
        var alwaysValid = Math.Min(previousAlwaysValid, Math.Min(1, Math.Exp(-logRatio)));
        return new ArmComparison(treatment.Arm, control.Arm, difference, standardError, difference - z95 * standardError, difference + z95 * standardError,
            pValue, alwaysValid, alwaysValid <= alpha);
    }
}
