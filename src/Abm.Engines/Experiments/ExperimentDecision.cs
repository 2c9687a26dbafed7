using System.Globalization;

namespace Abm.Engines.Experiments;

/// <summary>What an experiment's results say at one look: keep running, or stop with a reason.</summary>
public sealed record ExperimentVerdict(bool Stop, string Decision, IReadOnlyList<ArmComparison> Comparisons);

/// <summary>
/// The stopping rule: every other arm is compared with the control (the first arm) at alpha divided by the number of
/// comparisons (Bonferroni, so one experiment's false-positive rate stays at alpha); the experiment stops as soon as
/// one comparison is significant, or when its planned length is over with none.
/// </summary>
public static class ExperimentDecision
{
    public const string Running = "running";

    /// <param name="arms">Every arm's estimate, the control first.</param>
    /// <param name="previousAlwaysValid">Each arm's always-valid p-value from the previous look, by arm key.</param>
    /// <param name="alpha">The experiment's false-positive rate, over all its comparisons and looks.</param>
    /// <param name="mixingSd">The effect size the test is tuned to find (see <see cref="SequentialComparison.Compare"/>).</param>
    /// <param name="ended">The planned length is over.</param>
    public static ExperimentVerdict Decide(
        IReadOnlyList<ArmEstimate> arms, IReadOnlyDictionary<string, double> previousAlwaysValid, double alpha, double mixingSd, bool ended)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(previousAlwaysValid);
        if (arms.Count < 2)
        {
            throw new ArgumentException("An experiment compares at least two arms.", nameof(arms));
        }

        var perComparison = alpha / (arms.Count - 1);
        var control = arms[0];
        var comparisons = arms.Skip(1)
            .Select(arm => SequentialComparison.Compare(arm, control, perComparison, mixingSd, previousAlwaysValid.GetValueOrDefault(arm.Arm, 1)))
            .ToList();
        var winner = comparisons.Where(c => c.Significant).OrderBy(c => c.AlwaysValidPValue).FirstOrDefault();
        if (winner is not null)
        {
            var direction = winner.Difference > 0 ? "converts more than" : "converts less than";
            return new ExperimentVerdict(true, string.Create(CultureInfo.InvariantCulture,
                $"{winner.Treatment} {direction} {winner.Control}: {winner.Difference:+0.0%;-0.0%} (95% interval {winner.Low:+0.0%;-0.0%} to {winner.High:+0.0%;-0.0%}), always-valid p = {winner.AlwaysValidPValue:0.0000}"),
                comparisons);
        }

        return ended
            ? new ExperimentVerdict(true, "no difference detected by the end of the planned length", comparisons)
            : new ExperimentVerdict(false, Running, comparisons);
    }
}
