using System.CommandLine;
using Abm.Server.Features.Leads;

namespace Abm.Server.Cli;

/// <summary>
/// <c>abm leads score [--all] [--workspace ID]</c>: scores the contacts with no lead score yet (every contact with
/// <c>--all</c>) against the ideal-client profile, queues the results for HubSpot and routes changed priorities.
/// </summary>
internal static class LeadsCommand
{
    private static readonly Option<bool> All = new("--all") { Description = "Rescore every contact, not only those never scored." };

    public static Command Create() => new("leads", "Lead scoring against the ideal-client profile.")
    {
        Subcommands =
        {
            CliVerb.Define("score", "Score the contacts not scored yet (every contact with --all) and print the counts per priority.", "abm leads score --all",
                RunAsync, All, CliWorkspace.Option),
        },
    };

    private static Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken) => CliVerb.RunAsync("leads score", async () =>
    {
        await using var workspace = await CliWorkspace.OpenAsync(parse, cancellationToken);
        var summary = await workspace.Get<LeadScoring>().ScoreWorkspaceAsync(onlyUnscored: !parse.GetValue(All), cancellationToken);
        Console.WriteLine($"scored {summary.Scored} leads: {summary.High} high, {summary.Medium} medium, {summary.Low} low priority; {summary.Routed} routed; {summary.FallbackAnswers} by the deterministic scorer");
        return 0;
    });
}
