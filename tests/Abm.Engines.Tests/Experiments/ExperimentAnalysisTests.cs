using Abm.Engines.Experiments;

namespace Abm.Engines.Tests.Experiments;

public sealed class ExperimentAnalysisTests
{
    [Fact]
    public void Estimate_ThreeClusters_RateAndClusterRobustVarianceByHand()
    {
        // Rate 8/40 = 0.2; residuals y - 0.2 n: 0, 2, -2; variance 3/2 * 8 / 40^2 = 0.0075.
        var estimate = ClusteredProportions.Estimate("a", [new(10, 2), new(10, 4), new(20, 2), new(0, 0)]);

        (estimate.Clusters, estimate.Exposed, estimate.Converted).ShouldBe((3, 40, 8));
        estimate.Rate.ShouldBe(0.2, 1e-12);
        estimate.Variance.ShouldBe(0.0075, 1e-12);
    }

    [Fact]
    public void Estimate_ClusteredConversions_WiderThanTheBinomialVariance()
    {
        // Whole accounts convert or not: 10 of 20 accounts of 10 contacts each. Binomial would say 0.25 / 200.
        var clusters = Enumerable.Range(0, 20).Select(i => new ClusterOutcome(10, i % 2 == 0 ? 10 : 0)).ToList();

        var estimate = ClusteredProportions.Estimate("a", clusters);

        estimate.Variance.ShouldBeGreaterThan(5 * 0.25 / 200);
    }

    [Fact]
    public void Estimate_ConvertedAboveExposed_Throws() =>
        Should.Throw<ArgumentException>(() => ClusteredProportions.Estimate("a", [new(2, 3)]));

    [Fact]
    public void Compare_KnownVariances_FixedAndAlwaysValidPValuesByHand()
    {
        // V = 0.002, difference 0.1, tau = 0.05: 1/ratio = exp(-(0.5 ln(0.002/0.0045) + 0.01*0.0025/(2*0.002*0.0045))) = 0.37403;
        // z = 0.1/sqrt(0.002) = 2.2361, two-sided p = 0.02535.
        var treatment = new ArmEstimate("t", 40, 400, 120, 0.3, 0.001);
        var control = new ArmEstimate("c", 40, 400, 80, 0.2, 0.001);

        var comparison = SequentialComparison.Compare(treatment, control, 0.05, 0.05);

        comparison.Difference.ShouldBe(0.1, 1e-12);
        comparison.PValue.ShouldBe(0.02535, 1e-4);
        comparison.AlwaysValidPValue.ShouldBe(0.37403, 1e-4);
        comparison.Significant.ShouldBeFalse("significant at a fixed horizon, not yet safely so under peeking");
        comparison.Low.ShouldBe(0.1 - 1.959964 * Math.Sqrt(0.002), 1e-5);
    }

    [Fact]
    public void Compare_LaterLookWithLessEvidence_AlwaysValidPValueNeverRises()
    {
        var strong = SequentialComparison.Compare(new ArmEstimate("t", 40, 400, 160, 0.4, 0.0005), new ArmEstimate("c", 40, 400, 80, 0.2, 0.0005), 0.05, 0.05);
        var weaker = SequentialComparison.Compare(new ArmEstimate("t", 50, 500, 110, 0.22, 0.0004), new ArmEstimate("c", 50, 500, 100, 0.2, 0.0004), 0.05, 0.05,
            strong.AlwaysValidPValue);

        weaker.AlwaysValidPValue.ShouldBe(strong.AlwaysValidPValue);
    }

    [Fact]
    public void Compare_TooFewClusters_NeverSignificant()
    {
        var comparison = SequentialComparison.Compare(new ArmEstimate("t", 5, 500, 500, 1, 1e-6), new ArmEstimate("c", 5, 500, 0, 0, 1e-6), 0.05, 0.05);

        comparison.Significant.ShouldBeFalse();
        comparison.AlwaysValidPValue.ShouldBe(1);
    }

    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(0.975, 1.959964)]
    [InlineData(0.05, -1.644854)]
    public void Quantile_KnownPoints_MatchTheTables(double p, double z) =>
        NormalDistribution.Quantile(p).ShouldBe(z, 1e-5);
}
