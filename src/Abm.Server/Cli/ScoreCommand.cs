using System.CommandLine;
using Abm.Server.Features.Engagement;
using Spectre.Console;

namespace Abm.Server.Cli;

/// <summary>
/// <c>abm score [--workspace ID]</c>: recomputes every contact's engagement, stage and persona and every account's
/// roll-up now, with a progress bar, and queues the significant changes for write-back (as the nightly pass does).
/// </summary>
internal static class ScoreCommand
{
    public static Command Create() =>
        CliVerb.Define("score", "Recompute every contact's and account's scores now, with progress.", "abm score", RunAsync, CliWorkspace.Option);

    private static Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken) => CliVerb.RunAsync("score", async () =>
    {
        await using var workspace = await CliWorkspace.OpenAsync(parse, cancellationToken);
        var recompute = workspace.Get<EngagementRecompute>();
        var summary = await AnsiConsole.Progress().AutoClear(false).StartAsync(async context =>
        {
            var bar = context.AddTask("scoring contacts", maxValue: 1);
            var result = await recompute.RecomputeWorkspaceAsync(
                new Progress<(int Done, int Total)>(p => (bar.MaxValue, bar.Value) = (Math.Max(1, p.Total), p.Done)), cancellationToken);
            bar.Value = bar.MaxValue;
            return result;
        });
        Console.WriteLine($"scored {summary.Contacts} contacts and {summary.Accounts} accounts; {summary.QueuedForWriteBack} changes queued for write-back");
        return 0;
    });
}
