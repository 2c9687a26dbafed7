using System.Globalization;

namespace Abm.RecommenderQuality.NurtureConversion;

/// <summary>What the experiment bench prints: the daily looks up to the evaluator's decision, and the A/A false-positive count.</summary>
public sealed class ExperimentRunReport(IReadOnlyList<ExperimentLook> looks, string? decision, int reRandomisations, int falseWinners, int days, QualityTimings timings)
{
    public IReadOnlyList<ExperimentLook> Looks { get; } = looks;

    public string? Decision { get; } = decision;

    public int FalseWinners { get; } = falseWinners;

    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var last = Looks.Count == 0 ? null : Looks[^1];
        output.WriteLine();
        output.WriteLine(last is null
            ? "A/B: no look was taken."
            : string.Create(CultureInfo.InvariantCulture,
                $"A/B ours against popularity: {(last.Status == "stopped" ? $"stopped itself on day {last.Day} of {Looks.Count} looks" : $"still running after {Looks.Count} looks")}; "
                + $"last look {string.Join(", ", last.Arms.Select(a => $"{a.Arm} {a.Converted}/{a.Exposed} = {(a.Exposed == 0 ? 0 : (double)a.Converted / a.Exposed):P1} ({a.Accounts} accounts)"))}, "
                + $"always-valid p {last.AlwaysValidPValue:0.0000}"));
        output.WriteLine($"decision: {Decision ?? "(none)"}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"A/A: {reRandomisations} re-randomised deals of the same accounts, each read at the end of each of the {days} days: {FalseWinners} stopped with a winner "
            + $"({(reRandomisations == 0 ? 0 : (double)FalseWinners / reRandomisations):P1}; target at most 5% at alpha 0.05)"));
        foreach (var (phase, elapsed) in timings.Phases)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {phase}: {elapsed.TotalSeconds:0.0} s"));
        }
    }
}
