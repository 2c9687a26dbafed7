using System.CommandLine;
using Abm.Server.Configuration;
using Abm.Server.Database;
using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Nurture;
using Abm.Server.Features.Nurture.Enrollments;
using Abm.Server.Features.Nurture.Execution;
using Abm.Server.Features.Sync;
using Abm.Server.Features.Workspaces;

namespace Abm.Server.Cli;

/// <summary>
/// <c>abm nurture enroll --sequence ID (--contact ID | --segment NAME)</c> enrols contacts in an active sequence;
/// <c>abm nurture run --once</c> runs the due enrolments of a workspace once, as the server's worker does, then exits.
/// </summary>
internal static class NurtureCommand
{
    private static readonly Option<Guid?> Workspace = new("--workspace") { Description = "The workspace; the default workspace when left out." };
    private static readonly Option<Guid?> Sequence = new("--sequence") { Description = "The id of an active sequence." };
    private static readonly Option<Guid?> Contact = new("--contact") { Description = "Enrol this contact (its id)." };
    private static readonly Option<string?> Segment = new("--segment") { Description = "Enrol every contact of this segment." };
    private static readonly Option<bool> Once = new("--once") { Description = "Run the enrolments due now, then exit." };

    public static Command Create()
    {
        var enroll = new Command("enroll", "Enrol one contact or a segment in an active sequence, then exit.") { TreatUnmatchedTokensAsErrors = false };
        enroll.Options.Add(Sequence);
        enroll.Options.Add(Contact);
        enroll.Options.Add(Segment);
        enroll.Options.Add(Workspace);
        enroll.SetAction(EnrollAsync);
        var run = new Command("run", "Run the due enrolments once (their emails, tasks, list and property changes), then exit.") { TreatUnmatchedTokensAsErrors = false };
        run.Options.Add(Once);
        run.Options.Add(Workspace);
        run.SetAction(RunAsync);
        return new Command("nurture", "Nurture sequences: enrol contacts, run due enrolments.") { Subcommands = { enroll, run } };
    }

    private static Task<int> EnrollAsync(ParseResult parse, CancellationToken cancellationToken) => WithAppAsync("enroll", parse, async (app, workspaceId) =>
    {
        if (parse.GetValue(Sequence) is not { } sequenceId || (parse.GetValue(Contact) is null) == (parse.GetValue(Segment) is null))
        {
            await Console.Error.WriteLineAsync("abm nurture enroll: give --sequence and exactly one of --contact or --segment. Run 'abm nurture enroll --help' for usage.");
            return StartupFailure.ExitCode;
        }

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
        var database = scope.ServiceProvider.GetRequiredService<Abm.Data.AbmDbContext>();
        if (await SequenceHandlers.FindAsync(database, sequenceId, cancellationToken) is not { Status: "active" } sequence)
        {
            await Console.Error.WriteLineAsync($"abm nurture enroll: no active sequence {sequenceId} in workspace {workspaceId}.");
            return 1;
        }

        var (ids, by) = parse.GetValue(Contact) is { } contact
            ? ([contact], "manual")
            : (await ContactSelection.InSegmentAsync(database, parse.GetValue(Segment)!.Trim(), cancellationToken), $"bulk:segment:{parse.GetValue(Segment)!.Trim()}");
        var result = await scope.ServiceProvider.GetRequiredService<EnrollmentService>().EnrollAsync(sequence, ids, by, cancellationToken);
        Console.WriteLine($"enrolled {result.Enrolled} of {result.Contacts.Count} contacts in '{sequence.Name}' (version {result.SequenceVersion})");
        foreach (var outcome in result.Contacts.Where(c => c.Outcome != EnrollmentOutcomes.Enrolled).GroupBy(c => c.Outcome))
        {
            Console.WriteLine($"  {outcome.Key}: {outcome.Count()}");
        }

        return 0;
    });

    private static Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken) => WithAppAsync("run", parse, async (app, workspaceId) =>
    {
        if (!parse.GetValue(Once))
        {
            await Console.Error.WriteLineAsync("abm nurture run: only '--once' is supported here; the server ('abm serve') runs enrolments continuously.");
            return StartupFailure.ExitCode;
        }

        var client = await app.Services.GetRequiredService<HubSpotClients>().GetAsync(workspaceId, cancellationToken)
            ?? throw new ConfigurationException($"Workspace {workspaceId} has no HubSpot connection; set HUBSPOT_API_KEY or connect it through /api/connections.");
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
        var leases = scope.ServiceProvider.GetRequiredService<PortalLeases>();
        if (!await leases.TryAcquireAsync(workspaceId, cancellationToken))
        {
            await Console.Error.WriteLineAsync("abm nurture run: another server holds this portal's lease and runs its enrolments; try again later.");
            return 1;
        }

        var summary = await app.Services.GetRequiredService<NurtureRunner>().RunAsync(workspaceId, client, cancellationToken);
        await leases.ReleaseAsync(workspaceId, CancellationToken.None);
        Console.WriteLine($"stepped {summary.Enrollments} enrolments in {summary.Batches} batches: {summary.Done} actions done, {summary.Skipped} skipped, {summary.Retrying} retrying, {summary.Parked} parked");
        return 0;
    });

    private static async Task<int> WithAppAsync(string verb, ParseResult parse, Func<WebApplication, Guid, Task<int>> body)
    {
        try
        {
            await using var app = AbmApp.Build([.. parse.UnmatchedTokens]);
            await app.Services.GetServices<IHostedService>().OfType<DatabaseStartup>().Single().StartingAsync(CancellationToken.None);
            return await body(app, parse.GetValue(Workspace) ?? app.Services.GetRequiredService<DefaultWorkspace>().Id);
        }
        catch (Exception error) when (StartupFailure.Describe(error) is { } message)
        {
            await Console.Error.WriteLineAsync($"abm nurture {verb}: {message}");
            return StartupFailure.ExitCode;
        }
    }
}
