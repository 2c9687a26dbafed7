using System.CommandLine;
using Abm.Server.Features.Nurture;
using Abm.Server.Features.Nurture.Enrollments;
using Abm.Server.Features.Nurture.Execution;
using Abm.Server.Features.Sync;

namespace Abm.Server.Cli;

/// <summary>
/// <c>abm nurture enroll --sequence ID (--contact ID | --segment NAME)</c> enrols contacts in an active sequence;
/// <c>abm nurture run --once</c> runs the due enrolments of a workspace once, as the server's worker does, then exits.
/// </summary>
internal static class NurtureCommand
{
    private static readonly Option<Guid?> Sequence = new("--sequence") { Description = "The id of an active sequence." };
    private static readonly Option<Guid?> Contact = new("--contact") { Description = "Enrol this contact (its id)." };
    private static readonly Option<string?> Segment = new("--segment") { Description = "Enrol every contact of this segment." };
    private static readonly Option<bool> Once = new("--once") { Description = "Run the enrolments due now, then exit." };

    public static Command Create() => new("nurture", "Nurture sequences: enrol contacts, run due enrolments.")
    {
        Subcommands =
        {
            CliVerb.Define("enroll", "Enrol one contact or a segment in an active sequence, then exit.",
                "abm nurture enroll --sequence 0196d7a4-5e2b-7c3d-9a1f-2b3c4d5e6f70 --segment engaged", EnrollAsync, Sequence, Contact, Segment, CliWorkspace.Option),
            CliVerb.Define("run", "Run the due enrolments once (their emails, tasks, list and property changes), then exit.",
                "abm nurture run --once", RunAsync, Once, CliWorkspace.Option),
        },
    };

    private static Task<int> EnrollAsync(ParseResult parse, CancellationToken cancellationToken) => CliVerb.RunAsync("nurture enroll", async () =>
    {
        if (parse.GetValue(Sequence) is not { } sequenceId || (parse.GetValue(Contact) is null) == (parse.GetValue(Segment) is null))
        {
            throw new CliInputException("give --sequence and exactly one of --contact or --segment. Run 'abm nurture enroll --help' for usage.");
        }

        await using var workspace = await CliWorkspace.OpenAsync(parse, cancellationToken);
        var database = workspace.Get<Abm.Data.AbmDbContext>();
        if (await SequenceHandlers.FindAsync(database, sequenceId, cancellationToken) is not { Status: "active" } sequence)
        {
            throw new CliInputException($"no active sequence {sequenceId} in workspace {workspace.Id}.");
        }

        var (ids, by) = parse.GetValue(Contact) is { } contact
            ? ([contact], "manual")
            : (await ContactSelection.InSegmentAsync(database, parse.GetValue(Segment)!.Trim(), cancellationToken), $"bulk:segment:{parse.GetValue(Segment)!.Trim()}");
        var result = await workspace.Get<EnrollmentService>().EnrollAsync(sequence, ids, by, cancellationToken);
        Console.WriteLine($"enrolled {result.Enrolled} of {result.Contacts.Count} contacts in '{sequence.Name}' (version {result.SequenceVersion})");
        foreach (var outcome in result.Contacts.Where(c => c.Outcome != EnrollmentOutcomes.Enrolled).GroupBy(c => c.Outcome))
        {
            Console.WriteLine($"  {outcome.Key}: {outcome.Count()}");
        }

        return 0;
    });

    private static Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken) => CliVerb.RunAsync("nurture run", async () =>
    {
        if (!parse.GetValue(Once))
        {
            throw new CliInputException("only '--once' is supported here; the server ('abm serve') runs enrolments continuously.");
        }

        await using var workspace = await CliWorkspace.OpenAsync(parse, cancellationToken);
        var client = await workspace.HubSpotClientAsync(cancellationToken);
        var leases = workspace.Get<PortalLeases>();
        if (!await leases.TryAcquireAsync(workspace.Id, cancellationToken))
        {
            await Console.Error.WriteLineAsync("abm nurture run: another server holds this portal's lease and runs its enrolments; try again later.");
            return 1;
        }

        var summary = await workspace.Get<NurtureRunner>().RunAsync(workspace.Id, client, cancellationToken);
        await leases.ReleaseAsync(workspace.Id, CancellationToken.None);
        Console.WriteLine($"stepped {summary.Enrollments} enrolments in {summary.Batches} batches: {summary.Done} actions done, {summary.Skipped} skipped, {summary.Retrying} retrying, {summary.Parked} parked");
        return 0;
    });
}
