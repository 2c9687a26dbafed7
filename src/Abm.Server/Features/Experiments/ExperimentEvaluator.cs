using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines.Experiments;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Recommendations.Fitting;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Experiments;

/// <summary>What one look at an experiment found: its arms' counts, the comparisons, and the always-valid p-values carried to the next look.</summary>
internal sealed record EvaluationDocument(IReadOnlyList<ArmResult> Arms, IReadOnlyList<ComparisonResult> Comparisons, Dictionary<string, double> AlwaysValid);

/// <summary>
/// Looks at experiments: their results on every metric (the API's results), and the evaluator's look at the running
/// ones, which applies the stopping rule to the primary metric, carries the always-valid p-values forward, and stops
/// an experiment with its decision recorded (and audited) once a comparison is significant or its planned length is over.
/// When it stops with a fit's arm converting more than the control and that arm says <c>goLiveOnWin</c>, the fit goes
/// in force as an admin's approval would put it (audited as <c>experiments</c>), under the same rule: only while the
/// weights it was judged against are still in force.
/// </summary>
internal sealed class ExperimentEvaluator(
    AbmDbContext database, ExperimentOutcomes outcomes, ExperimentStore store, WeightFitting fitting, AuditTrail audit, TimeProvider clock)
{
    public const string Actor = "experiments";

    /// <summary>Evaluates every running experiment of the scope's workspace; returns how many it stopped.</summary>
    public async Task<int> EvaluateRunningAsync(CancellationToken cancellationToken)
    {
        var stopped = 0;
        foreach (var experiment in await database.Experiments.Where(e => e.Status == ExperimentStatuses.Running).ToListAsync(cancellationToken))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var (arms, verdict) = await LookAsync(experiment, experiment.Metric, Previous(experiment), now, cancellationToken);
            var ended = experiment.StartedAt is { } started && now >= started.AddDays(experiment.MaxDays);
            verdict = ended && !verdict.Stop ? ExperimentDecision.Decide(arms, Previous(experiment), experiment.Alpha, experiment.EffectSize, ended: true) : verdict;
            experiment.Evaluation = JsonSerializer.Serialize(Document(arms, verdict), ExperimentDefinitions.Json);
            experiment.EvaluatedAt = now;
            if (verdict.Stop)
            {
                store.Stop(experiment, verdict.Decision + await GoLiveAsync(experiment, verdict, cancellationToken));
                audit.Record(experiment.WorkspaceId, Actor, "experiment.stopped", "experiment", experiment.Id.ToString(), new { experiment.Decision });
                stopped++;
            }

            await database.SaveChangesAsync(cancellationToken);
        }

        return stopped;
    }

    /// <summary>Puts the winning arm's fit in force when the arm asks for it; answers what the decision adds ("" when nothing applies).</summary>
    private async Task<string> GoLiveAsync(Experiment experiment, ExperimentVerdict verdict, CancellationToken cancellationToken)
    {
        var winner = verdict.Comparisons.Where(c => c.Significant).OrderBy(c => c.AlwaysValidPValue).FirstOrDefault();
        var arm = winner is { Difference: > 0 } ? ExperimentDefinitions.Arms(experiment.Variants).Single(a => a.Key == winner.Treatment) : null;
        if (arm is not { GoLiveOnWin: true, FitId: { } fitId })
        {
            return "";
        }

        var (outcome, _) = await fitting.ApproveAsync(experiment.WorkspaceId, fitId, Actor, cancellationToken);
        return outcome switch
        {
            WeightFitting.Outcome.Done => $"; fit {fitId} is now in force",
            WeightFitting.Outcome.WeightsChanged => $"; fit {fitId} was not put in force: the weights in force changed since it was fitted",
            _ => $"; fit {fitId} was not put in force: it is no longer a proposal",
        };
    }

    /// <summary>The experiment's results now on every metric; null when there is no such experiment in the workspace.</summary>
    public async Task<ExperimentResults?> ResultsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await database.Experiments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } experiment)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var metrics = new List<MetricResult>();
        foreach (var metric in ExperimentMetrics.All)
        {
            var primary = metric == experiment.Metric;
            var (arms, verdict) = await LookAsync(experiment, metric, primary ? Previous(experiment) : [], now, cancellationToken);
            var document = Document(arms, verdict);
            metrics.Add(new MetricResult(metric, primary, document.Arms, document.Comparisons));
        }

        return new ExperimentResults(experiment.Id, experiment.Status, now, experiment.Decision, metrics);
    }

    private async Task<(List<ArmEstimate> Arms, ExperimentVerdict Verdict)> LookAsync(
        Experiment experiment, string metric, Dictionary<string, double> previous, DateTime now, CancellationToken cancellationToken)
    {
        var byArm = await outcomes.ByArmAsync(experiment.Id, metric, now, cancellationToken);
        var arms = ExperimentDefinitions.Arms(experiment.Variants).Select(a => ClusteredProportions.Estimate(a.Key, byArm.GetValueOrDefault(a.Key) ?? [])).ToList();
        return (arms, ExperimentDecision.Decide(arms, previous, experiment.Alpha, experiment.EffectSize, ended: false));
    }

    private static Dictionary<string, double> Previous(Experiment experiment) =>
        experiment.Evaluation is { } stored ? JsonSerializer.Deserialize<EvaluationDocument>(stored, ExperimentDefinitions.Json)?.AlwaysValid ?? [] : [];

    private static EvaluationDocument Document(IReadOnlyList<ArmEstimate> arms, ExperimentVerdict verdict) => new(
        [.. arms.Select(a => new ArmResult(a.Arm, a.Clusters, a.Exposed, a.Converted, Math.Round(a.Rate, 6)))],
        [.. verdict.Comparisons.Select(c => new ComparisonResult(c.Treatment, c.Control, Math.Round(c.Difference, 6), Finite(c.Low), Finite(c.High),
            Math.Round(c.PValue, 6), Math.Round(c.AlwaysValidPValue, 6), c.Significant))],
        verdict.Comparisons.ToDictionary(c => c.Treatment, c => c.AlwaysValidPValue));

    // JSON has no infinity: an interval not computable yet (too few accounts) is shown as the widest possible, -1 to 1.
    private static double Finite(double bound) => double.IsFinite(bound) ? Math.Round(Math.Clamp(bound, -1, 1), 6) : Math.Sign(bound);
}
