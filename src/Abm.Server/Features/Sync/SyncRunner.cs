using Abm.Data;
using Abm.Data.Entities;
using Abm.HubSpot;
using Abm.Server.Features.Access;
using Abm.Server.Features.Leads;
using Abm.Server.Features.Live;
using Abm.Server.Features.Nurture.Enrollments;
using Abm.Server.Features.Nurture.Execution;
using Abm.Server.Features.Observability;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Sync;

internal static class SyncKinds
{
    public const string Full = "full";
    public const string Incremental = "incremental";
}

internal static class SyncRunStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Abandoned = "abandoned";
}

/// <summary>
/// Runs one sync of the current workspace and records it: pages, records, errors, HubSpot calls and 429s,
/// duration and outcome. An incremental run before any full pass has finished becomes a full one, since
/// there is nothing to be incremental from. Once the contacts are applied, engagement is pulled and segments
/// refreshed alongside the remaining pages, each in its own scope, so the run is paced by its HubSpot calls
/// rather than by one part waiting for another.
/// </summary>
internal sealed partial class SyncRunner(
    AbmDbContext database, FullSync full, IncrementalSync incremental, EngagementPull engagement, SyncScopes scopes, SyncRecordWriter writer,
    AbandonedRuns abandoned, RunLease lease, CurrentWorkspace workspace, LiveHub live, AbmMetrics metrics, TimeProvider clock, ILogger<SyncRunner> logger)
{
    /// <summary>Runs <paramref name="run"/> (a queued row of this workspace, or a new one) to its end and returns it.</summary>
    public async Task<SyncRun> RunAsync(HubSpotClient client, SyncRun run, IProgress<SyncPageDone>? watcher, CancellationToken cancellationToken)
    {
        if (database.Entry(run).State == EntityState.Detached)
        {
            if (await database.SyncRuns.AnyAsync(r => r.Id == run.Id, cancellationToken))
            {
                database.Attach(run);
            }
            else
            {
                database.SyncRuns.Add(run);
            }
        }

        // Runs a killed process left behind are given up before this one starts, so the workspace shows one live run.
        await abandoned.MarkAsync(cancellationToken);
        run.Status = SyncRunStatus.Running;
        run.Holder = PortalLeases.Holder;
        run.StartedAt = clock.GetUtcNow().UtcDateTime;
        if (run.Kind == SyncKinds.Incremental && !await FullPassDoneAsync(cancellationToken))
        {
            run.Kind = SyncKinds.Full;
        }

        await database.SaveChangesAsync(cancellationToken);
        LogStarted(run.Kind, workspace.WorkspaceId, run.MaxContacts);
        var before = client.CallCounts;
        using var alongsideStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<IReadOnlyCollection<Guid>[]>? alongside = null;
        void StartAlongside() => alongside ??= Task.WhenAll(
            engagement.PullAsync(client, alongsideStop.Token),
            scopes.RunAsync<SegmentRefresher>(refresher => refresher.RefreshAsync(alongsideStop.Token, writtenSince: run.StartedAt)),
            scopes.RunAsync<TaskCompletionPull>(pull => pull.PullAsync(client, alongsideStop.Token)),
            scopes.RunAsync<ListJoinPull>(pull => pull.PullAsync(client, alongsideStop.Token)));
        var progress = new SyncProgress(run, logger, metrics, new LiveSyncProgress(watcher, live, run.WorkspaceId), objectType =>
        {
            if (objectType == SyncedObjects.Contacts)
            {
                StartAlongside();
            }
        });
        using var runEnded = new CancellationTokenSource();
        var keepingLease = lease.KeepAsync(run.WorkspaceId, runEnded.Token);
        try
        {
            if (run.Kind == SyncKinds.Full)
            {
                await full.RunAsync(client, progress, run.MaxContacts, cancellationToken);
            }
            else
            {
                await incremental.RunAsync(client, progress, cancellationToken);
            }

            StartAlongside();
            // Companies the portal won become ideal-client examples for lead scoring, and lost ones stop being. The
            // records are all written by now; embedding the examples is processor work, done while the pulls wait
            // on the rate limit rather than after them.
            var closedWon = scopes.RunAsync<IcpStore>(store => store.RefreshClosedWonAsync(run.WorkspaceId, cancellationToken));
            await Task.WhenAll(alongside!, closedWon);
            foreach (var contacts in await alongside!)
            {
                writer.MarkForRescoring(contacts);
            }

            run.Status = SyncRunStatus.Succeeded;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Status = SyncRunStatus.Cancelled;
            run.Error = "Stopped before the end; the next full sync resumes after the last page applied.";
        }
        catch (Exception error)
        {
            // Whatever the cause, the run ends here: left "running", it would stay so until a later run gave
            // it up, and whoever asked for it would wait for nothing.
            run.Status = SyncRunStatus.Failed;
            run.Errors++;
            run.Error = FailureMessage(error);
            LogFailed(workspace.WorkspaceId, error);
        }
        finally
        {
            await runEnded.CancelAsync();
            await keepingLease;
            await StopAsync(alongside, alongsideStop);
        }

        // Whatever was applied is rescored, whether the run ended well or not.
        writer.QueueRescoring();
        var calls = client.CallCounts.Since(before);
        run.ApiCalls = (int)calls.Calls;
        run.RateLimited = (int)calls.RateLimited;
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        database.ChangeTracker.Clear();
        database.Attach(run).State = EntityState.Modified;
        await database.SaveChangesAsync(CancellationToken.None);
        live.Publish(run.WorkspaceId, LiveKinds.Sync);
        LogFinished(run.Kind, run.Status, run.Pages, run.Records, run.ApiCalls, run.RateLimited, (run.FinishedAt - run.StartedAt).Value.TotalSeconds);
        cancellationToken.ThrowIfCancellationRequested();
        return run;
    }

    /// <summary>Stops the pulls of a run that failed or was cancelled; their pages are checkpointed, and the run's own error is the one reported.</summary>
    private static async Task StopAsync(Task? alongside, CancellationTokenSource stop)
    {
        if (alongside is null)
        {
            return;
        }

        await stop.CancelAsync();
        await alongside.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static string FailureMessage(Exception error) => error switch
    {
        HubSpotAuthenticationException => $"HubSpot refused the connection's token; reconnect the portal. ({error.Message})",
        HubSpotApiException or HubSpotDailyLimitException or HttpRequestException => error.Message,
        // A database deadlock or a bug: the type says which, and the next run resumes after the last page applied.
        _ => $"The run stopped on an unexpected error ({error.GetType().Name}: {error.Message}); the next run resumes after the last page applied.",
    };

    private Task<bool> FullPassDoneAsync(CancellationToken cancellationToken) =>
        database.SyncStates.AnyAsync(s => s.ObjectType == SyncedObjects.Contacts && s.IncrementalWatermark != null, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync ({Kind}) of workspace {WorkspaceId} started (max contacts {MaxContacts})")]
    private partial void LogStarted(string kind, Guid? workspaceId, int? maxContacts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync ({Kind}) {Status}: {Pages} pages, {Records} records, {Calls} HubSpot calls, {RateLimited} answered 429, {Seconds:F1} s")]
    private partial void LogFinished(string kind, string status, int pages, int records, int calls, int rateLimited, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync of workspace {WorkspaceId} failed")]
    private partial void LogFailed(Guid? workspaceId, Exception error);
}
