using System.Globalization;
using System.Security.Cryptography;
using Abm.RecommenderQuality;
using Abm.Server;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Benchmarks;

/// <summary>
/// Recommender quality on a simulated market: 100 sandbox accounts (seed 42) whose buyers act for 14 simulated
/// days, the server fed through import, sync and the event sink on a scratch SQLite file (or DATABASE_URL), then
/// NDCG@5 and hit-rate@5 of its recommendations, popularity and random against the buyers' hidden interests.
/// </summary>
internal static class QualityBench
{
    // args: optional "--accounts N" and "--days N" for a smaller or longer market.
    public static async Task RunAsync(string[] args, TextWriter output)
    {
        var options = new QualityRunOptions();
        options = options with { Accounts = Option(args, "--accounts") ?? options.Accounts, Days = Option(args, "--days") ?? options.Days };
        await using var world = await QualityWorld.StartAsync(options, TimeProvider.System);
        var scratch = Directory.CreateTempSubdirectory("abm-quality-bench-").FullName;
        var operatorKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        string[] serverArgs =
        [
            "--urls=http://127.0.0.1:0", $"--API_SECRET_KEY={operatorKey}", "--Logging:LogLevel:Default=Warning",
            $"--DataProtection:KeysPath={Path.Combine(scratch, "keys")}",
            .. world.ServerSettings.Select(setting => $"--{setting.Key}={setting.Value}"),
            .. Environment.GetEnvironmentVariable("DATABASE_URL") is { Length: > 0 } ? Array.Empty<string>() : [$"--ConnectionStrings:Abm=Data Source={Path.Combine(scratch, "abm.db")}"],
        ];
        await using var app = AbmApp.Build(serverArgs);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sandbox portal of {options.Accounts} accounts (seed {options.Seed}), {options.Days} simulated days; server on {app.Services.GetRequiredService<Abm.Data.DatabaseTarget>()}, {Environment.ProcessorCount} cores"));

        var report = await QualityHarness.RunAsync(world, new AbmUnderTest(new Uri(address), operatorKey, app.Services), output);
        report.Print(output);
        await app.StopAsync();
    }

    private static int? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var at && at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;
}
