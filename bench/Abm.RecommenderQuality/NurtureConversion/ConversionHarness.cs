using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Nurture.Execution;
using Abm.Server.Features.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.RecommenderQuality.NurtureConversion;

/// <summary>
/// Content-to-meeting conversion of nurture on the sandbox's simulated buyers. The server learns the market's history
/// as in the quality run, the buyers are split at random into three groups, each group runs the same sequence
/// sending a different item (ABM's recommendation, the most popular item, a random item), and the simulated days go
/// by an hour at a time: the buyers act, the nurture worker's run sends what is due, the server syncs and rescores
/// daily. The buyers' reactions are the sandbox's (<c>ContentResponseModel</c>: the item's hidden relevance to the
/// buyer decides them); conversion is read from its ledger of sends.
/// </summary>
public static class ConversionHarness
{
    /// <summary>Runs on <paramref name="abm"/>, which must be connected to the world's portal and live on its clock.</summary>
    public static async Task<ConversionReport> RunAsync(
        QualityWorld world, AbmUnderTest abm, ConversionOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        var timings = new QualityTimings(log);
        using var api = abm.CreateClient();
        var (preparation, truth, history) = await LearnAsync(world, abm, api, options, timings, log, cancellationToken);
        var arms = ConversionArms.Deal(truth.ContactIds.Where(history.ContactsByHubSpotId.ContainsKey), options.Seed);
        var enrolled = await timings.MeasureAsync("sequences and enrolments", () => new ConversionArms(api, history, options).EnrolAsync(arms, cancellationToken));
        log.WriteLine($"enrolled: {string.Join(", ", enrolled.Select(e => $"{e.Key} {e.Value}"))}");
        var before = await SendsAsync(world, cancellationToken);
        await timings.MeasureAsync($"{options.NurtureDays} nurture days", () => LiveAsync(world, abm, preparation, options, log, cancellationToken));
        var sends = (await SendsAsync(world, cancellationToken)).Skip(before.Count).ToList();
        return ConversionReport.Of(arms, sends, options, timings);
    }

    /// <summary>
    /// What happens before any sequence starts: the server learns the market's history through its own doors, the
    /// hidden truth and the server's history are read, and (unless the options say not) an admin fits the weights.
    /// </summary>
    internal static async Task<(WorldPreparation Preparation, HiddenRelevance Truth, AbmHistory History)> LearnAsync(
        QualityWorld world, AbmUnderTest abm, HttpClient api, ConversionOptions options, QualityTimings timings, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(abm);
        ArgumentNullException.ThrowIfNull(options);
        var preparation = new WorldPreparation(world, abm, api, timings, log);
        await preparation.RunAsync(cancellationToken);
        var truth = await HiddenRelevance.ReadAsync(world, cancellationToken);
        var history = await AbmHistory.ReadAsync(abm.Services, cancellationToken);
        if (options.FitWeights)
        {
            (await timings.MeasureAsync("weight fit", () => WeightFitStep.RunAsync(api, world.Options.Days, cancellationToken))).Print(log);
        }

        return (preparation, truth, history);
    }

    /// <summary>
    /// The nurture days, an hour at a time; <paramref name="afterDay"/> (given the day's number from 1) runs at the end
    /// of each simulated day.
    /// </summary>
    internal static async Task LiveAsync(
        QualityWorld world, AbmUnderTest abm, WorldPreparation preparation, ConversionOptions options, TextWriter log, CancellationToken cancellationToken,
        Func<int, Task>? afterDay = null)
    {
        var runner = abm.Services.GetRequiredService<NurtureRunner>();
        var workspace = abm.Services.GetRequiredService<DefaultWorkspace>().Id;
        var client = (await abm.Services.GetRequiredService<HubSpotClients>().ConnectedAsync(cancellationToken)).Single().Client;
        for (var hour = 0; hour < options.NurtureDays * 24; hour++)
        {
            if (hour % 24 == 0 && hour > 0 && world.Sandbox.Clock.GetUtcNow().DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday)
            {
                // Before each sending day, what the server would have learnt overnight: the events delivered, CRM
                // changes (meetings, lifecycle) and email activity synced, every score and stage recomputed. (The
                // engagement worker also rescores as events arrive in between.)
                await preparation.DrainEventSinkAsync(cancellationToken);
                // A full sync: incremental sync searches, and the sandbox's search limit rolls on its (frozen) clock.
                await preparation.SyncAsync(cancellationToken);
                await preparation.SettleScoringAsync(cancellationToken);
            }

            var run = await runner.RunAsync(workspace, client, cancellationToken);
            if (run.Enrollments > 0)
            {
                log.WriteLine($"day {(hour / 24) + 1} {hour % 24:00}:00 nurture run: {run.Done} done, {run.Skipped} skipped, {run.Retrying} retrying, {run.Parked} parked");
            }

            using var advanced = await world.Admin.PostAsJsonAsync("/_sandbox/behaviour/advance", new { hours = 1 }, cancellationToken);
            await WorldPreparation.ReadSuccessAsync(advanced, "behaviour advance", cancellationToken);
            if (hour % 24 == 23 && afterDay is not null)
            {
                await afterDay((hour / 24) + 1);
            }
        }
    }

    private static async Task<List<JsonElement>> SendsAsync(QualityWorld world, CancellationToken cancellationToken) =>
        [.. (await world.Admin.GetFromJsonAsync<JsonElement>($"/_sandbox/portals/{world.PortalId}/behaviour/sends", cancellationToken)).GetProperty("results").EnumerateArray()];
}
