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
/// Runs one workspace's due enrolments until none is left that was due when the run began: batch after batch,
/// claim, plan (the action log is written), perform (HubSpot is called), settle. Each batch has a scope of its
/// own, so a long run keeps no more than one batch in memory. The phases are separate methods so that tests can
/// stop between them, as a crash would.
/// </summary>
internal sealed class NurtureRunner(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task<NurtureRunSummary> RunAsync(Guid workspaceId, HubSpotClient client, CancellationToken cancellationToken)
    {
        var summary = NurtureRunSummary.None;
        while (true)
        {
            // Each pass reads the clock again: a step that needs no call (a property update, a skipped send)
            // leaves its enrolment due at once, and the next batch takes it on to its next step.
            var dueBy = clock.GetUtcNow().UtcDateTime;
            await using var scope = Scope(workspaceId);
            var claimed = await scope.ServiceProvider.GetRequiredService<DueEnrollments>().ClaimAsync(dueBy, cancellationToken);
            if (claimed.Count == 0)
            {
                return summary;
            }

            var pending = await scope.ServiceProvider.GetRequiredService<ActionPlanner>().PlanAsync(claimed, cancellationToken);
            var outcomes = await scope.ServiceProvider.GetRequiredService<ActionPerformer>().PerformAsync(client, pending, cancellationToken);
            summary = summary.Plus(claimed.Count, await scope.ServiceProvider.GetRequiredService<ActionSettler>().SettleAsync(outcomes, cancellationToken));
        }
    }

    /// <summary>A scope whose database context is set to the workspace, as every phase expects.</summary>
    public AsyncServiceScope Scope(Guid workspaceId)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
        return scope;
    }
}
