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
/// written), perform (HubSpot is called), settle. The next batch is claimed and planned while the current
/// batch's calls wait on the portal's rate limit, so the database work of one hides behind the calls of the
/// other. One batch calls at a time; a batch renews its claim right before its calls (planned early, it must not
/// lapse while it waits), its action-log rows are written before its calls as always, and it is settled before
/// the next claim, which may take its enrolments on to their next step. Each batch has a scope of its own. The
/// phases are separate methods so that tests can stop between them, as a crash would.
/// </summary>
internal sealed class NurtureRunner(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<NurtureRunSummary> RunAsync(Guid workspaceId, HubSpotClient client, CancellationToken cancellationToken)
    {
        var summary = NurtureRunSummary.None;
        var batch = await PlanNextAsync(workspaceId, cancellationToken);
        while (batch is not null)
        {
            PlannedBatch? next = null;
            Task<List<ActionOutcome>>? calls = null;
            try
            {
                var pending = await batch.Service<DueEnrollments>().RenewAsync(batch.Pending, cancellationToken);
                var performer = batch.Service<ActionPerformer>();
                calls = Task.Run(() => performer.PerformAsync(client, pending, cancellationToken), cancellationToken);
                // The only claim made while this batch calls, right after its claim was renewed.
                next = await PlanNextAsync(workspaceId, cancellationToken);
                summary = summary.Plus(batch.Claimed, await batch.Service<ActionSettler>().SettleAsync(await calls, cancellationToken));
            }
            catch
            {
                // The calls under way end first (their outcomes are not recorded: the enrolments are taken up again
                // when their claims lapse, and find their action-log rows); the next batch's claims lapse too.
                if (calls is not null)
                {
                    await calls.ContinueWith(_ => { }, TaskScheduler.Default);
                }

                if (next is not null)
                {
                    await next.Scope.DisposeAsync();
                }

                throw;
            }
            finally
            {
                await batch.Scope.DisposeAsync();
            }

            // The batch just settled may have left enrolments whose next step acts due now: when the batch planned
            // during its calls found nothing, one more claim looks for them.
            batch = next ?? await PlanNextAsync(workspaceId, cancellationToken);
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
