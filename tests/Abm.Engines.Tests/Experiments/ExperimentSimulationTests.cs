using Abm.Engines.Experiments;

namespace Abm.Engines.Tests.Experiments;

/// <summary>
/// The stopping rule on simulated experiments with clustered outcomes (accounts differ in keenness, and contacts of
/// one account convert together), read at every one of many looks as a team watching a dashboard would.
/// </summary>
public sealed class ExperimentSimulationTests
{
    private const int Looks = 12;
    private const int AccountsPerLook = 12;

    [Fact]
    public void AaExperiments_ReadAtEveryLook_AtMostFivePercentStopWithAWinner()
    {
        var falseWinners = Enumerable.Range(0, 200).Count(seed => Run(seed, treatmentLift: 0).Stopped);

        // alpha 0.05 with peeking at every look: the always-valid p-value keeps it at or under 5%.
        falseWinners.ShouldBeLessThanOrEqualTo(10, $"{falseWinners} of 200 A/A runs declared a winner");
    }

    [Fact]
    public void AbExperiment_TreatmentConvertsTwiceAsOften_DetectedAndStoppedEarly()
    {
        var runs = Enumerable.Range(1_000, 20).Select(seed => Run(seed, treatmentLift: 0.10)).ToList();

        runs.Count(r => r.Stopped && r.Decision.StartsWith("treatment converts more than control", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(18);
        runs.Where(r => r.Stopped).Average(r => r.Look).ShouldBeLessThan(Looks);
    }

    [Fact]
    public void Decide_PlannedLengthOverWithoutADifference_StopsSayingSo()
    {
        var arm = ClusteredProportions.Estimate("control", Enumerable.Range(0, 30).Select(i => new ClusterOutcome(5, i % 5 == 0 ? 1 : 0)).ToList());

        var verdict = ExperimentDecision.Decide([arm, arm with { Arm = "treatment" }], new Dictionary<string, double>(), 0.05, 0.05, ended: true);

        verdict.Stop.ShouldBeTrue();
        verdict.Decision.ShouldBe("no difference detected by the end of the planned length");
    }

    /// <summary>One experiment: each look adds accounts to both arms; stops at the first look the rule says stop.</summary>
    private static (bool Stopped, int Look, string Decision) Run(int seed, double treatmentLift)
    {
        var random = new Random(seed);
        var control = new List<ClusterOutcome>();
        var treatment = new List<ClusterOutcome>();
        var previous = new Dictionary<string, double>();
        for (var look = 1; look <= Looks; look++)
        {
            for (var i = 0; i < AccountsPerLook; i++)
            {
                control.Add(Account(random, 0));
                treatment.Add(Account(random, treatmentLift));
            }

            var verdict = ExperimentDecision.Decide(
                [ClusteredProportions.Estimate("control", control), ClusteredProportions.Estimate("treatment", treatment)], previous, 0.05, 0.05, ended: false);
            if (verdict.Stop)
            {
                return (true, look, verdict.Decision);
            }

            previous = verdict.Comparisons.ToDictionary(c => c.Treatment, c => c.AlwaysValidPValue);
        }

        return (false, Looks, ExperimentDecision.Running);
    }

    /// <summary>An account of 1-12 contacts whose keenness varies around 10% (plus the lift); contacts convert on it.</summary>
    private static ClusterOutcome Account(Random random, double lift)
    {
        var contacts = random.Next(1, 13);
        var keenness = Math.Clamp(0.10 + lift + (random.NextDouble() - 0.5) * 0.16, 0, 1);
        var converted = Enumerable.Range(0, contacts).Count(_ => random.NextDouble() < keenness);
        return new ClusterOutcome(contacts, converted);
    }
}
