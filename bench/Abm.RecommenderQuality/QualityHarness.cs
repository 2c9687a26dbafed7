namespace Abm.RecommenderQuality;

/// <summary>
/// Runs the whole quality check: prepares a server's history through the real pipeline, then judges its
/// recommendations for every buyer against the hidden relevance, beside the popularity and random baselines.
/// </summary>
public static class QualityHarness
{
    /// <summary>Checks <paramref name="abm"/>, which must be connected to <paramref name="world"/>'s portal (<see cref="QualityWorld.ServerSettings"/>).</summary>
    public static async Task<QualityReport> RunAsync(QualityWorld world, AbmUnderTest abm, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(abm);
        var timings = new QualityTimings(log);
        using var api = abm.CreateClient();
        await new WorldPreparation(world, abm, api, timings, log).RunAsync(cancellationToken);
        var (truth, history) = await timings.MeasureAsync("reading truth and history", async () =>
            (await HiddenRelevance.ReadAsync(world, cancellationToken), await AbmHistory.ReadAsync(abm.Services, cancellationToken)));
        var (scorecards, fit) = await timings.MeasureAsync("evaluation", () =>
            new RecommenderEvaluation(history, truth, api, world.Options).RunAsync(cancellationToken));
        var (scoreTruth, scores) = await timings.MeasureAsync("reading scores", async () =>
            (await ScoreTruth.ReadAsync(world, cancellationToken), await ServerScores.ReadAsync(abm.Services, cancellationToken)));
        // Only after the scores were read do the buyers live on, unseen by the server, to give the outcome.
        var converted = await timings.MeasureAsync($"{world.Options.OutcomeDays} outcome days", () =>
            ConversionOutcomes.FollowAsync(world, scoreTruth.At, world.Options.OutcomeDays, cancellationToken));
        return new QualityReport(world.Options, scorecards, fit, ScoreScorecard.Judge(scoreTruth, scores, converted), timings);
    }
}
