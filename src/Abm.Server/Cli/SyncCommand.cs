using System.CommandLine;
using Abm.Data.Entities;
using Abm.Server.Features.Engagement;
using Abm.Server.Features.Sync;

namespace Abm.Server.Cli;

/// <summary>
/// <c>abm sync [--full] [--max-contacts N] [--workspace ID]</c>: one sync run in the foreground with a progress
/// bar, through the environment's connection (HUBSPOT_API_KEY, ...) or the workspace's stored one. A run that
/// is stopped (Ctrl+C, or killed) resumes where it stopped the next time.
/// </summary>
internal static class SyncCommand
{
    private static readonly Option<bool> Full = new("--full") { Description = "Read every record (resuming an unfinished full pass) instead of what changed." };
    private static readonly Option<int?> MaxContacts = new("--max-contacts") { Description = "Stop after this many contacts (a trial run); the next full sync goes on from there." };
    public static Command Create() =>
        CliVerb.Define("sync", "Sync the local copy with the HubSpot portal, then exit.", "abm sync --full", RunAsync, Full, MaxContacts, CliWorkspace.Option);

    private static Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken) => CliVerb.RunAsync("sync", async () =>
    {
        try
        {
            await using var workspace = await CliWorkspace.OpenAsync(parse, cancellationToken);
            var client = await workspace.HubSpotClientAsync(cancellationToken);

            var leases = workspace.Get<PortalLeases>();
            if (!await leases.TryAcquireAsync(workspace.Id, cancellationToken))
            {
                await Console.Error.WriteLineAsync("abm sync: another server is syncing this portal now; try again when it is done.");
                return 1;
            }

            var run = new SyncRun
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = workspace.Id,
                Kind = parse.GetValue(Full) ? SyncKinds.Full : SyncKinds.Incremental,
                Trigger = "cli",
                MaxContacts = parse.GetValue(MaxContacts),
                StartedAt = workspace.Get<TimeProvider>().GetUtcNow().UtcDateTime,
            };
            var bar = new SyncProgressBar(Console.Out, Console.IsOutputRedirected);
            run = await workspace.Get<SyncRunner>().RunAsync(client, run, bar, cancellationToken);
            await leases.ReleaseAsync(workspace.Id, CancellationToken.None);
            bar.Finish(run);
            if (run.Status != SyncRunStatus.Succeeded)
            {
                return 1;
            }

            // No background worker runs in this process: score what the sync wrote before exiting, so the
            // local copy is never left unscored until the server's nightly pass.
            var scored = await workspace.Get<SyncedContactScoring>().ScoreAsync(workspace.Id, cancellationToken);
            Console.WriteLine($"scored {scored.Contacts} contacts and {scored.Accounts} accounts; {scored.QueuedForWriteBack} changes queued for write-back");
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("abm sync: stopped; the next run resumes after the last page applied.");
            return 130;
        }
    });
}
