using System.Net.Http.Json;
using System.Text.Json;
using Abm.Engines.Experiments;
using Abm.Server.Features.Access;
using Abm.Server.Features.Experiments;
using Abm.Server.Features.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.RecommenderQuality.NurtureConversion;

/// <summary>One daily look at the running experiment, as the server's evaluator took it.</summary>
public sealed record ExperimentLook(int Day, string Status, IReadOnlyList<(string Arm, int Accounts, int Exposed, int Converted)> Arms, double Difference, double AlwaysValidPValue);

/// <summary>
/// An A/B experiment run by the server itself on the sandbox's simulated buyers: after the history is learnt, an
/// experiment of the recommender (arm <c>ours</c>, the weights in force) against popularity (arm <c>popular</c>) on
/// content-to-meeting conversion is started through the API, every buyer is enrolled in one twice-weekly sequence
/// whose sends pick the arm's best item, and the server's evaluator looks once a simulated day until it stops the
/// experiment (or the days run out). Then the same buyers' outcomes are dealt again at random into two arms, as an
/// A/A experiment would split them, many times over, and each deal is read at the same daily looks with the same
/// rule: the share that stops with a "winner" is the false-positive rate of the evaluator on this market.
/// </summary>
public static class ExperimentHarness
{
    public const string Ours = "ours";
    public const string Popular = "popular";

    public static async Task<ExperimentRunReport> RunAsync(
        QualityWorld world, AbmUnderTest abm, ConversionOptions options, int reRandomisations, TextWriter log, CancellationToken cancellationToken = default)
    {
        var timings = new QualityTimings(log);
        using var api = abm.CreateClient();
        var (preparation, truth, history) = await ConversionHarness.LearnAsync(world, abm, api, options, timings, log, cancellationToken);
        var experiment = await StartAsync(api, options, cancellationToken);
        var buyers = truth.ContactIds.Where(history.ContactsByHubSpotId.ContainsKey).Order(StringComparer.Ordinal).Select(id => history.ContactsByHubSpotId[id]).ToList();
        var arms = new ConversionArms(api, history, options);
        var enrolled = await timings.MeasureAsync("sequence and enrolments", () => arms.EnrolAsync(arms.Document("experiment", null), buyers, cancellationToken));
        log.WriteLine($"experiment {experiment} started; {enrolled} buyers enrolled in one sequence");
        var looks = new List<ExperimentLook>();
        var workspace = abm.Services.GetRequiredService<DefaultWorkspace>().Id;
        await timings.MeasureAsync($"{options.NurtureDays} days with a daily look", () => ConversionHarness.LiveAsync(world, abm, preparation, options, log, cancellationToken,
            async day =>
            {
                if (looks.Count > 0 && looks[^1].Status != ExperimentStatuses.Running)
                {
                    return;
                }

                await InWorkspaceAsync<ExperimentEvaluator, int>(abm, workspace, evaluator => evaluator.EvaluateRunningAsync(cancellationToken));
                var look = await LookAsync(api, experiment, day, cancellationToken);
                looks.Add(look);
                log.WriteLine($"day {day} look: {string.Join(", ", look.Arms.Select(a => $"{a.Arm} {a.Converted}/{a.Exposed} ({a.Accounts} accounts)"))}, "
                    + $"difference {look.Difference:+0.000;-0.000}, always-valid p {look.AlwaysValidPValue:0.0000}, {look.Status}");
            }));
        var decision = (await api.GetFromJsonAsync<JsonElement>($"/api/experiments/{experiment}", cancellationToken)).GetProperty("decision").GetString();
        // The A/A deals are read at the end of every day, whenever the A/B stopped.
        var end = world.Sandbox.Clock.GetUtcNow().UtcDateTime;
        var lookMoments = Enumerable.Range(1, options.NurtureDays).Select(day => end.AddDays(day - options.NurtureDays)).ToList();
        var falseWinners = await timings.MeasureAsync($"{reRandomisations} A/A re-randomisations", () => ReRandomisedAsync(abm, workspace, experiment, options, lookMoments, reRandomisations, cancellationToken));
        return new ExperimentRunReport(looks, decision, reRandomisations, falseWinners, options.NurtureDays, timings);
    }

    private static async Task<Guid> StartAsync(HttpClient api, ConversionOptions options, CancellationToken cancellationToken)
    {
        using var created = await api.PostAsJsonAsync("/api/experiments", new
        {
            key = $"ours-vs-popular-{Guid.NewGuid():N}"[..30], name = "Recommender against popularity on nurture sends", metric = ExperimentMetrics.ContentToMeeting,
            maxDays = options.NurtureDays,
            arms = new object[] { new { key = Popular, source = ArmSources.Popularity }, new { key = Ours, source = ArmSources.Current } },
        }, cancellationToken);
        var id = (await WorldPreparation.ReadSuccessAsync(created, "experiment create", cancellationToken)).GetProperty("id").GetGuid();
        using var started = await api.PostAsync($"/api/experiments/{id}/start", null, cancellationToken);
        await WorldPreparation.ReadSuccessAsync(started, "experiment start", cancellationToken);
        return id;
    }

    private static async Task<ExperimentLook> LookAsync(HttpClient api, Guid experiment, int day, CancellationToken cancellationToken)
    {
        var status = (await api.GetFromJsonAsync<JsonElement>($"/api/experiments/{experiment}", cancellationToken)).GetProperty("status").GetString()!;
        var results = await api.GetFromJsonAsync<JsonElement>($"/api/experiments/{experiment}/results", cancellationToken);
        var metric = results.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("primary").GetBoolean());
        var arms = metric.GetProperty("arms").EnumerateArray()
            .Select(a => (a.GetProperty("arm").GetString()!, a.GetProperty("accounts").GetInt32(), a.GetProperty("exposed").GetInt32(), a.GetProperty("converted").GetInt32())).ToList();
        var comparison = metric.GetProperty("comparisons").EnumerateArray().FirstOrDefault();
        return comparison.ValueKind == JsonValueKind.Object
            ? new ExperimentLook(day, status, arms, comparison.GetProperty("difference").GetDouble(), comparison.GetProperty("alwaysValidPValue").GetDouble())
            : new ExperimentLook(day, status, arms, 0, 1);
    }

    /// <summary>
    /// The experiment's units (accounts) with their outcomes at each look, dealt into two arms by the server's own
    /// assignment under <paramref name="count"/> other salts, each deal read at every look with the evaluator's rule
    /// (running always-valid p, alpha and effect size as the experiment's); answers how many stopped with a winner.
    /// </summary>
    private static async Task<int> ReRandomisedAsync(
        AbmUnderTest abm, Guid workspace, Guid experiment, ConversionOptions options, IReadOnlyList<DateTime> looks, int count, CancellationToken cancellationToken)
    {
        var unitsAtLook = new List<List<(string Unit, ClusterOutcome Outcome)>>();
        foreach (var moment in looks)
        {
            var units = await InWorkspaceAsync<ExperimentOutcomes, List<(string Arm, string Unit, ClusterOutcome Outcome)>>(abm, workspace,
                outcomes => outcomes.ByUnitAsync(experiment, ExperimentMetrics.ContentToMeeting, moment, cancellationToken));
            unitsAtLook.Add([.. units.Select(u => (u.Unit, u.Outcome))]);
        }

        ExperimentArm[] arms = [new("a", 1), new("b", 1)];
        var stopped = 0;
        for (var deal = 0; deal < count; deal++)
        {
            var salt = $"a/a {options.Seed} {deal}";
            var previous = new Dictionary<string, double>();
            foreach (var units in unitsAtLook)
            {
                var byArm = units.ToLookup(u => ExperimentAssignment.Assign(salt, u.Unit, arms, 0), u => u.Outcome);
                var estimates = arms.Select(a => ClusteredProportions.Estimate(a.Key, [.. byArm[a.Key]])).ToList();
                var verdict = ExperimentDecision.Decide(estimates, previous, Alpha, EffectSize, ended: false);
                previous = verdict.Comparisons.ToDictionary(c => c.Treatment, c => c.AlwaysValidPValue);
                if (verdict.Stop)
                {
                    stopped++;
                    break;
                }
            }
        }

        return stopped;
    }

    // The experiment's own alpha and effect size: the API's defaults, which StartAsync leaves in place.
    private const double Alpha = 0.05;
    private const double EffectSize = 0.05;

    private static async Task<TResult> InWorkspaceAsync<TService, TResult>(AbmUnderTest abm, Guid workspace, Func<TService, Task<TResult>> work)
        where TService : notnull
    {
        await using var scope = abm.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspace);
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
