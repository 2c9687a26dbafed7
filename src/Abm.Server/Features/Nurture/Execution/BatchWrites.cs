using Abm.Data;
using Abm.Data.Bulk;
using Abm.Data.Entities;

namespace Abm.Server.Features.Nurture.Execution;

/// <summary>
/// A batch's writes as a few multi-row statements instead of one statement (and one tracked entity) per row: the
/// database, not HubSpot, bounded the worker while every row went through change tracking. The caller opens the
/// transaction that makes a phase's writes one.
/// </summary>
internal static class BatchWrites
{
    // The columns the worker moves an enrolment with; nothing else of the row is written.
    private static readonly string[] EnrollmentColumns =
    [
        nameof(NurtureEnrollment.CurrentStepId), nameof(NurtureEnrollment.StepReachedAt), nameof(NurtureEnrollment.StepsTaken),
        nameof(NurtureEnrollment.CurrentActionIndex), nameof(NurtureEnrollment.Attempts), nameof(NurtureEnrollment.LastError),
        nameof(NurtureEnrollment.NextActionDue), nameof(NurtureEnrollment.Status), nameof(NurtureEnrollment.ExitReason), nameof(NurtureEnrollment.CompletedAt),
    ];

    private static readonly string[] ActionColumns =
    [
        nameof(NurtureAction.Status), nameof(NurtureAction.Reason), nameof(NurtureAction.Attempts), nameof(NurtureAction.HubSpotId),
        nameof(NurtureAction.NextAttemptAt), nameof(NurtureAction.UpdatedAt), nameof(NurtureAction.CompletedAt),
    ];

    /// <summary>
    /// Adds the action-log rows; returns the ids of those added. A row whose key (enrolment, step, attempt scope) is
    /// already logged is not added and not returned: that action belongs to whoever logged it, and must not be called again from here.
    /// </summary>
    public static async Task<HashSet<Guid>> InsertActionsAsync(AbmDbContext database, IReadOnlyList<NurtureAction> actions, CancellationToken cancellationToken) =>
        actions.Count == 0 ? [] : [.. await new RowUpsert<NurtureAction>(database,
            [nameof(NurtureAction.EnrollmentId), nameof(NurtureAction.StepId), nameof(NurtureAction.AttemptScope)], []).ExecuteAsync(database, actions, cancellationToken)];

    /// <summary>Records what became of the actions (status, reason, tries, HubSpot's id).</summary>
    public static async Task UpdateActionsAsync(AbmDbContext database, IReadOnlyList<NurtureAction> actions, CancellationToken cancellationToken)
    {
        if (actions.Count > 0)
        {
            await new RowUpdate<NurtureAction>(database, ActionColumns).ExecuteAsync(database, actions, cancellationToken);
        }
    }

    /// <summary>
    /// Moves the enrolments as the worker decided. Only enrolments still active in the database are written: one an
    /// operator unenrolled while its batch ran stays unenrolled.
    /// </summary>
    public static async Task UpdateEnrollmentsAsync(AbmDbContext database, IReadOnlyList<NurtureEnrollment> enrollments, CancellationToken cancellationToken)
    {
        if (enrollments.Count > 0)
        {
            await new RowUpdate<NurtureEnrollment>(database, EnrollmentColumns, "\"status\" = 'active'").ExecuteAsync(database, enrollments, cancellationToken);
        }
    }
}
