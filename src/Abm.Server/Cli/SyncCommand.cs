using System.CommandLine;
using Abm.Data.Entities;
using Abm.Server.Configuration;
using Abm.Server.Database;
using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Engagement;
using Abm.Server.Features.Sync;
using Abm.Server.Features.Workspaces;

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
    private static readonly Option<Guid?> Workspace = new("--workspace") { Description = "The workspace to sync; the default workspace when left out." };

    public static Command Create()
    {
        var command = new Command("sync", "Sync the local copy with the HubSpot portal, then exit.") { TreatUnmatchedTokensAsErrors = false };
        command.Options.Add(Full);
        command.Options.Add(MaxContacts);
        command.Options.Add(Workspace);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        try
        {
            await using var app = AbmApp.Build([.. parse.UnmatchedTokens]);
            await app.Services.GetServices<IHostedService>().OfType<DatabaseStartup>().Single().StartingAsync(cancellationToken);
            var workspaceId = parse.GetValue(Workspace) ?? app.Services.GetRequiredService<DefaultWorkspace>().Id;
            var client = await app.Services.GetRequiredService<HubSpotClients>().GetAsync(workspaceId, cancellationToken)
                ?? throw new ConfigurationException($"Workspace {workspaceId} has no HubSpot connection; set HUBSPOT_API_KEY or connect it through /api/connections.");

            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
            if (!await scope.ServiceProvider.GetRequiredService<PortalLeases>().TryAcquireAsync(workspaceId, cancellationToken))
            {
                await Console.Error.WriteLineAsync("abm sync: another server is syncing this portal now; try again when it is done.");
                return 1;
            }

            var run = new SyncRun
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = workspaceId,
                Kind = parse.GetValue(Full) ? SyncKinds.Full : SyncKinds.Incremental,
                Trigger = "cli",
                MaxContacts = parse.GetValue(MaxContacts),
                StartedAt = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            };
            var bar = new SyncProgressBar(Console.Out, Console.IsOutputRedirected);
            run = await scope.ServiceProvider.GetRequiredService<SyncRunner>().RunAsync(client, run, bar, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<PortalLeases>().ReleaseAsync(workspaceId, CancellationToken.None);
            bar.Finish(run);
            if (run.Status != SyncRunStatus.Succeeded)
            {
                return 1;
            }

            // No background worker runs in this process: score what the sync wrote before exiting, so the
            // local copy is never left unscored until the server's nightly pass.
            var scored = await scope.ServiceProvider.GetRequiredService<SyncedContactScoring>().ScoreAsync(workspaceId, cancellationToken);
            Console.WriteLine($"scored {scored.Contacts} contacts and {scored.Accounts} accounts; {scored.QueuedForWriteBack} changes queued for write-back");
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("abm sync: stopped; the next run resumes after the last page applied.");
            return 130;
        }
        catch (Exception error) when (StartupFailure.Describe(error) is { } message)
        {
            await Console.Error.WriteLineAsync($"abm sync: {message}");
            return StartupFailure.ExitCode;
        }
    }
}
