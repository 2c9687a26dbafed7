using Abm.Engines.Experiments;

namespace Abm.Engines.Tests.Experiments;

public sealed class ExperimentAssignmentTests
{
    private static readonly ExperimentArm[] Arms = [new("control", 1), new("fitted", 1), new("popularity", 2)];

    [Fact]
    public void Assign_SameSaltAndUnit_AlwaysTheSameArm()
    {
        var first = ExperimentAssignment.Assign("exp-1", "account-42", Arms, 0.1);

        Enumerable.Range(0, 20).Select(_ => ExperimentAssignment.Assign("exp-1", "account-42", Arms, 0.1)).ShouldAllBe(a => a == first);
    }

    [Fact]
    public void Assign_ManyUnits_HoldoutAndArmsTakeTheirShares()
    {
        var counts = Enumerable.Range(0, 20_000).Select(i => ExperimentAssignment.Assign("exp-2", $"account-{i}", Arms, 0.2))
            .GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count() / 20_000.0);

        counts[ExperimentAssignment.Holdout].ShouldBe(0.2, 0.015);
        // The other 80% split 1:1:2.
        counts["control"].ShouldBe(0.2, 0.015);
        counts["fitted"].ShouldBe(0.2, 0.015);
        counts["popularity"].ShouldBe(0.4, 0.015);
    }

    [Fact]
    public void Assign_AnotherExperiment_ShufflesTheUnitsAnew()
    {
        // Were assignment the same in every experiment, one account would always be in the control.
        var units = Enumerable.Range(0, 2_000).Select(i => $"account-{i}").ToList();
        var same = units.Count(u => ExperimentAssignment.Assign("exp-a", u, Arms, 0) == ExperimentAssignment.Assign("exp-b", u, Arms, 0));

        // Independent assignments to arms of shares 1/4, 1/4, 1/2 agree with probability 1/16 + 1/16 + 1/4 = 0.375.
        (same / 2_000.0).ShouldBe(0.375, 0.04);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    public void Assign_HoldoutOutsideItsRange_Throws(double holdout) =>
        Should.Throw<ArgumentOutOfRangeException>(() => ExperimentAssignment.Assign("s", "u", Arms, holdout));

    [Fact]
    public void Assign_NoArmOrAZeroWeight_Throws()
    {
        Should.Throw<ArgumentException>(() => ExperimentAssignment.Assign("s", "u", [], 0));
        Should.Throw<ArgumentException>(() => ExperimentAssignment.Assign("s", "u", [new("a", 1), new("b", 0)], 0));
    }
}
