using System.CommandLine;
using Abm.Server.Features.Demo;

namespace Abm.Server.Cli;

/// <summary>
/// <c>abm demo [--reset]</c>: the server on the built-in HubSpot sandbox, with its state in <c>./data/demo</c>. Also what
/// <c>abm</c> and <c>abm serve</c> run when nothing names a real portal (see <see cref="DemoMode.IsDefault"/>).
/// </summary>
internal static class DemoCommand
{
    private static readonly Option<bool> Reset = new("--reset") { Description = "Delete the demo's state (./data/demo) first and start over with a new portal." };

    public static Command Create() => CliVerb.Define(
        "demo", "Run the server on the built-in HubSpot sandbox: simulated buyers, demo data only.", "abm demo --reset",
        (parse, cancellationToken) => RunAsync([.. parse.UnmatchedTokens], parse.GetValue(Reset), cancellationToken), Reset);

    public static async Task<int> RunAsync(string[] args, bool reset, CancellationToken cancellationToken)
    {
        try
        {
            var settings = DemoSettings.FromConfiguration(DemoMode.ReadConfiguration(args));
            if (reset)
            {
                DemoMode.Reset();
                Console.WriteLine($"abm demo: deleted the demo's state in {DemoMode.Folder}");
            }

            Console.WriteLine($"abm demo: DEMO MODE (no HubSpot connection is configured): starting the built-in HubSpot sandbox, {settings.Accounts} target accounts whose buyers lived the last {settings.HistoryDays:0.#} days; state in {DemoMode.Folder}");
            await using var sandbox = await DemoSandbox.StartAsync(settings, DemoMode.Folder, cancellationToken);
            await using var app = AbmApp.Build([.. args, .. DemoMode.ServerArguments(sandbox, settings)]);
            await app.RunAsync();
            return 0;
        }
        catch (Exception error) when (StartupFailure.Describe(error) is { } message)
        {
            await Console.Error.WriteLineAsync($"abm demo: cannot start: {message}");
            return StartupFailure.ExitCode;
        }
    }
}
