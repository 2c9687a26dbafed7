namespace Abm.Engines.Experiments;

/// <summary>The standard normal distribution's tail and quantile, as the experiment analysis needs them.</summary>
public static class NormalDistribution
{
    /// <summary>P(Z &lt;= z).</summary>
    public static double Cdf(double z) => 0.5 * Erfc(-z / Math.Sqrt(2));

    /// <summary>The z with P(Z &lt;= z) = p, by bisection on <see cref="Cdf"/> (to 1e-12: exact enough for 0.975 and its kin).</summary>
    public static double Quantile(double p)
    {
        if (p is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability strictly between 0 and 1.");
        }

        double low = -40, high = 40;
        while (high - low > 1e-12)
        {
            var middle = (low + high) / 2;
            (low, high) = Cdf(middle) < p ? (middle, high) : (low, middle);
        }

        return (low + high) / 2;
    }

    /// <summary>
    /// The complementary error function, from the Chebyshev fit in Numerical Recipes (erfcc): relative error under
    /// 1.2e-7 everywhere, which is far finer than any decision taken on a p-value needs.
    /// </summary>
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
