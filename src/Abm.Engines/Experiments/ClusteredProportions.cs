namespace Abm.Engines.Experiments;

/// <summary>One cluster (an account) of an arm: how many of its units were exposed and how many of those converted.</summary>
public readonly record struct ClusterOutcome(int Exposed, int Converted);

/// <summary>An arm's conversion rate (converted / exposed over all its clusters) and the variance of that rate.</summary>
public sealed record ArmEstimate(string Arm, int Clusters, int Exposed, int Converted, double Rate, double Variance);

/// <summary>
/// Conversion rates per arm when units come in clusters. Contacts of one account do not convert independently (one
/// meeting books several of them; one account is simply keener), so the variance of an arm's rate is the
/// cluster-robust one of a ratio estimator, from the spread of the clusters' residuals, not the binomial p(1-p)/n
/// that would pretend every contact were an independent draw and declare differences that are not there.
/// </summary>
public static class ClusteredProportions
{
    public static ArmEstimate Estimate(string arm, IReadOnlyList<ClusterOutcome> clusters)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        if (clusters.Any(c => c.Exposed < 0 || c.Converted < 0 || c.Converted > c.Exposed))
        {
            throw new ArgumentException("Each cluster converts between 0 and its exposed units.", nameof(clusters));
        }

        var exposedClusters = clusters.Where(c => c.Exposed > 0).ToList();
        var exposed = exposedClusters.Sum(c => (long)c.Exposed);
        var converted = exposedClusters.Sum(c => (long)c.Converted);
        var k = exposedClusters.Count;
        if (exposed == 0)
        {
            return new ArmEstimate(arm, 0, 0, 0, 0, double.PositiveInfinity);
        }

        var rate = (double)converted / exposed;
        if (k < 2)
        {
            return new ArmEstimate(arm, k, (int)exposed, (int)converted, rate, double.PositiveInfinity);
        }

        // Var(p) = k/(k-1) * sum_i (y_i - p n_i)^2 / (sum_i n_i)^2, the linearised (sandwich) variance of y/n.
        var residuals = exposedClusters.Sum(c => Math.Pow(c.Converted - rate * c.Exposed, 2));
        var variance = k / (k - 1.0) * residuals / ((double)exposed * exposed);
        // A rate of exactly 0 or 1 in every cluster has no spread at all; a floor keeps the test from dividing by zero
        // and from calling a difference certain on a handful of clusters (the variance of one more conversion).
        var floor = 1.0 / ((double)exposed * exposed);
        return new ArmEstimate(arm, k, (int)exposed, (int)converted, rate, Math.Max(variance, floor));
    }
}
