namespace Abm.RecommenderQuality.NurtureConversion;

/// <summary>
/// The Wilson score interval of a proportion (95%: z = 1.96). Unlike the normal approximation it stays inside 0..1 and
/// is honest for the small counts a group of a few hundred buyers gives.
/// </summary>
public readonly record struct WilsonInterval(double Low, double High)
{
    public const double Z95 = 1.959964;

    public static WilsonInterval Of(int successes, int trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (trials == 0)
        {
            return new WilsonInterval(0, 1);
        }

        var p = (double)successes / trials;
        var z2 = z * z;
        var centre = (p + (z2 / (2 * trials))) / (1 + (z2 / trials));
        var half = z * Math.Sqrt((p * (1 - p) / trials) + (z2 / (4.0 * trials * trials))) / (1 + (z2 / trials));
        return new WilsonInterval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
