using System.Globalization;
using System.Security.Cryptography;
using Abm.RecommenderQuality;
using Abm.RecommenderQuality.NurtureConversion;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Benchmarks;

/// <summary>
/// Nurture content-to-meeting conversion on the sandbox's simulated buyers: 100 accounts (seed 42) live 14 days of
/// history, then three random thirds of the buyers run the same twice-weekly sequence for 30 simulated days, sending
/// ABM's recommendation, the most popular item or a random item. The server lives on the sandbox's clock. With
/// "--experiment", the server's own A/B experiment of the recommender against popularity runs instead (45 days by
/// default), followed by the A/A re-randomisations of its outcomes.
/// </summary>
internal static class NurtureConversionBench
{
    // args: optional "--accounts N", "--days N" (history), "--nurture-days N", "--default-weights" (no weight fit),
    // "--experiment" and "--re-randomisations N" (200).
    public static async Task RunAsync(string[] args, TextWriter output)
    {
        var experiment = args.Contains("--experiment");
        var conversion = new ConversionOptions();
        conversion = conversion with
        {
            NurtureDays = Option(args, "--nurture-days") ?? (experiment ? 45 : conversion.NurtureDays),
            FitWeights = !args.Contains("--default-weights"),
        };
        var market = new QualityRunOptions();
        market = market with
        {
            Accounts = Option(args, "--accounts") ?? market.Accounts,
            Days = Option(args, "--days") ?? market.Days,
            ReserveDays = conversion.NurtureDays + 1,
        };
        await using var world = await QualityWorld.StartAsync(market, TimeProvider.System);
        var operatorKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        string[] settings =
        [
            .. world.ServerSettings.Select(setting => $"--{setting.Key}={setting.Value}"),
            "--Nurture:IntervalSeconds=0", // the harness runs the nurture worker's passes on the simulated hour
            $"--Nurture:TransactionalEmailId={conversion.EmailId}",
            // One call per send instead of two: the sandbox's unsubscribed buyers ignore sends anyway, and the
            // opt-out reaches the server through the daily sync.
            "--Nurture:CheckSubscriptionBeforeSend=false",
            "--Experiments:EvaluateMinutes=0", // the harness takes the evaluator's look once a simulated day
        ];
        await using var server = await BenchServer.StartAsync("nurture-conversion", operatorKey, world.Sandbox.Clock, settings);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sandbox portal of {market.Accounts} accounts (seed {market.Seed}), {market.Days} days of history, {conversion.NurtureDays} nurture days; server on {server.App.Services.GetRequiredService<Abm.Data.DatabaseTarget>()}, {Environment.ProcessorCount} cores"));
        var abm = new AbmUnderTest(server.Address, operatorKey, server.App.Services);
        if (experiment)
        {
            (await ExperimentHarness.RunAsync(world, abm, conversion, Option(args, "--re-randomisations") ?? 200, output)).Print(output);
            return;
        }

        var report = await ConversionHarness.RunAsync(world, abm, conversion, output);
        report.Print(output);
    }

    private static int? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var at && at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
}
