using Abm.HubSpot;
using Abm.Server.Features.Access;

namespace Abm.Server.Features.Nurture.Execution;

internal sealed record NurtureRunSummary(int Batches, int Enrollments, int Done, int Skipped, int Retrying, int Parked)
{
    public static NurtureRunSummary None { get; } = new(0, 0, 0, 0, 0, 0);

    public NurtureRunSummary Plus(int enrollments, (int Done, int Skipped, int Retrying, int Parked) settled) =>
        new(Batches + 1, Enrollments + enrollments, Done + settled.Done, Skipped + settled.Skipped, Retrying + settled.Retrying, Parked + settled.Parked);
}

/// <summary>
/// Runs one workspace's due enrolments until none is left due: batch after batch, claim, plan (the action log is
/// written), perform (HubSpot is called), settle. The database work and the calls run side by side: while one
/// batch's calls wait on the portal's rate limit, the batch before it is settled and the next one claimed and
/// planned, so that the limiter, not the database, sets the pace. A batch renews its claim right before its calls
/// (planned early, it must not lapse while it waits), its action-log rows are written before its calls as always,
/// and a batch is settled before the claim after next, which may take its enrolments on to their next step. Each
/// batch has a scope of its own. The phases are separate methods so that tests can stop between them, as a crash would.
/// </summary>
internal sealed class NurtureRunner(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<NurtureRunSummary> RunAsync(Guid workspaceId, HubSpotClient client, CancellationToken cancellationToken)
    {
        var summary = NurtureRunSummary.None;
        var batch = await PlanNextAsync(workspaceId, cancellationToken);
        (PlannedBatch Batch, Task<List<ActionOutcome>> Calls)? calling = null;
        try
        {
            while (batch is not null || calling is not null)
            {
                var previous = calling;
                calling = null;
                if (batch is not null)
                {
                    var pending = await batch.Service<DueEnrollments>().RenewAsync(batch.Pending, cancellationToken);
                    var performer = batch.Service<ActionPerformer>();
                    calling = (batch, Task.Run(() => performer.PerformAsync(client, pending, cancellationToken), cancellationToken));
                    batch = null;
                }

                if (previous is { } settling)
                {
                    try
                    {
                        var outcomes = await settling.Calls;
                        summary = summary.Plus(settling.Batch.Claimed, await settling.Batch.Service<ActionSettler>().SettleAsync(outcomes, cancellationToken));
                    }
                    finally
                    {
                        await settling.Batch.Scope.DisposeAsync();
                    }
                }

                // The next claim reads the clock again: a settled batch leaves enrolments whose next step acts due now.
                batch = await PlanNextAsync(workspaceId, cancellationToken);
            }
        }
        finally
        {
            // After a failure: the calls under way end (their outcomes are not recorded, and their enrolments are
            // taken up again when the claims lapse, finding their action-log rows); the scopes are let go.
            if (calling is { } abandoned)
            {
                await abandoned.Calls.ContinueWith(_ => { }, TaskScheduler.Default);
                await abandoned.Batch.Scope.DisposeAsync();
            }

            if (batch is not null)
            {
                await batch.Scope.DisposeAsync();
            }
        }

        return summary;
    }

    /// <summary>Claims and plans the next batch in a scope of its own; null when nothing is due.</summary>
    private async Task<PlannedBatch?> PlanNextAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var scope = Scope(workspaceId);
        try
        {
            // Each claim reads the clock again: a step that needs no call leaves its enrolment due at once.
            var claimed = await scope.ServiceProvider.GetRequiredService<DueEnrollments>().ClaimAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
            if (claimed.Count > 0)
            {
                var pending = await scope.ServiceProvider.GetRequiredService<ActionPlanner>().PlanAsync(claimed, cancellationToken);
                return new PlannedBatch(scope, claimed.Count, pending);
            }
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }

        await scope.DisposeAsync();
        return null;
    }

    private sealed record PlannedBatch(AsyncServiceScope Scope, int Claimed, List<PendingAction> Pending)
    {
        public T Service<T>()
            where T : notnull => Scope.ServiceProvider.GetRequiredService<T>();
    }

    /// <summary>A scope whose database context is set to the workspace, as every phase expects.</summary>
    public AsyncServiceScope Scope(Guid workspaceId)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
        return scope;
    }
}
