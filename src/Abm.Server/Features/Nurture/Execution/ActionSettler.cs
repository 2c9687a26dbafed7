using Abm.Data;
using Abm.Server.Features.Experiments;
using Abm.Server.Features.Live;
using Abm.Server.Features.Nurture.Enrollments;
using Abm.Server.Features.Observability;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Nurture.Execution;

/// <summary>
/// Phase three of a batch: records what the calls did and moves the enrolments on, in one transaction of a few
/// multi-row statements. A done or skipped action moves its enrolment to the next step and on through the steps
/// that need no call (to its next wait, goal or end); a failed one waits its back-off (30 seconds, doubling up
/// to the maximum) with the enrolment due again then; after the last try it is parked with its reason, and the
/// enrolment goes on, or exits if its sequence says <c>onActionFailure: stop</c>. Sends HubSpot accepted are then
/// recorded as the running recommendation experiment's exposures (for contacts in its arms).
/// </summary>
internal sealed partial class ActionSettler(
    AbmDbContext database, IOptions<NurtureOptions> options, LiveHub live, AbmMetrics metrics, ExperimentExposures experiments, ILogger<ActionSettler> logger,
    TimeProvider clock)
{
    public async Task<(int Done, int Skipped, int Retrying, int Parked)> SettleAsync(IReadOnlyList<ActionOutcome> outcomes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (done, skipped, retrying, parked) = (0, 0, 0, 0);
        foreach (var outcome in outcomes)
        {
            var (action, enrollment) = (outcome.Pending.Action, outcome.Pending.Context.Enrollment);
            action.Attempts++;
            action.HubSpotId = outcome.HubSpotId ?? action.HubSpotId;
            if (outcome.Status is ActionStatus.Done or ActionStatus.Skipped)
            {
                ActionPlanner.Settle(action, outcome.Status, outcome.Reason, now);
                action.NextAttemptAt = null;
                EnrollmentMoves.Advance(enrollment, outcome.Pending.NextStepId, now);
                EnrollmentMoves.Continue(outcome.Pending.Context, EnrollmentMoves.FactsAfter(outcome.Pending.Context.Facts, action, now), now);
                (done, skipped) = outcome.Status == ActionStatus.Done ? (done + 1, skipped) : (done, skipped + 1);
                continue;
            }

            if (outcome.Permanent || action.Attempts >= options.Value.MaxAttempts)
            {
                ActionPlanner.Settle(action, ActionStatus.Parked, outcome.Reason, now);
                parked++;
                if (outcome.Pending.Context.Definition.OnActionFailure == Engines.Nurture.ActionFailurePolicy.Stop)
                {
                    EnrollmentMoves.End(enrollment, EnrollmentStatus.Exited, $"action at step '{action.StepId}' failed: {outcome.Reason}", now);
                }
                else
                {
                    EnrollmentMoves.Advance(enrollment, outcome.Pending.NextStepId, now);
                    EnrollmentMoves.Continue(outcome.Pending.Context, outcome.Pending.Context.Facts, now);
                }

                continue;
            }

            var wait = TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, action.Attempts - 1), options.Value.MaxBackoffMinutes * 60));
            ActionPlanner.Settle(action, ActionStatus.Failed, outcome.Reason, now);
            action.NextAttemptAt = now + wait;
            enrollment.Attempts = action.Attempts;
            enrollment.LastError = action.Reason;
            enrollment.NextActionDue = now + wait;
            retrying++;
        }

        await using (var transaction = await database.Database.BeginTransactionAsync(cancellationToken))
        {
            await BatchWrites.UpdateActionsAsync(database, outcomes.Select(o => o.Pending.Action).ToList(), cancellationToken);
            await BatchWrites.UpdateEnrollmentsAsync(database, outcomes.Select(o => o.Pending.Context.Enrollment).Distinct().ToList(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var outcome in outcomes)
        {
            metrics.NurtureAction(outcome.Pending.Action.Kind, outcome.Pending.Action.Status);
        }

        await RecordSendsAsync(outcomes, cancellationToken);

        foreach (var workspaceId in outcomes.Select(o => o.Pending.Context.Enrollment.WorkspaceId).Distinct())
        {
            live.Publish(workspaceId, LiveKinds.Nurture);
        }

        return (done, skipped, retrying, parked);
    }

    // After the commit, and never failing the batch: the sends are made and settled whatever happens to their exposures.
    private async Task RecordSendsAsync(IReadOnlyList<ActionOutcome> outcomes, CancellationToken cancellationToken)
    {
        var sends = outcomes.Where(o => o.Pending.Action is { Kind: ActionKinds.SendContent, Status: ActionStatus.Done, ContentId: not null })
            .Select(o => (o.Pending.Context.Contact, o.Pending.Action.ContentId!.Value)).ToList();
        try
        {
            await experiments.RecordSentAsync(sends, cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogExposureFailure(error, sends.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording {Count} nurture sends as experiment exposures failed; the sends themselves are settled")]
    private partial void LogExposureFailure(Exception error, int count);
}
