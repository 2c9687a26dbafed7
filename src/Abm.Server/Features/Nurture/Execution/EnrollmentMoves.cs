using Abm.Data.Entities;
using Abm.Engines.Nurture;
using Abm.Server.Features.Nurture.Enrollments;

namespace Abm.Server.Features.Nurture.Execution;

/// <summary>How an enrolment moves on: to its next step (due at once), or out of the sequence.</summary>
internal static class EnrollmentMoves
{
    /// <summary>The step's action is settled: the enrolment goes to <paramref name="next"/>, or completes when none follows.</summary>
    public static void Advance(NurtureEnrollment enrollment, string? next, DateTime now)
    {
        enrollment.StepsTaken++;
        enrollment.CurrentActionIndex = enrollment.StepsTaken;
        enrollment.Attempts = 0;
        enrollment.LastError = null;
        if (next is null)
        {
            End(enrollment, EnrollmentStatus.Completed, "completed", now);
            return;
        }

        enrollment.CurrentStepId = next;
        enrollment.StepReachedAt = now;
        enrollment.NextActionDue = now;
    }

    /// <summary>
    /// After <see cref="Advance"/>: walks on through the steps that need no call (goals checked first, waits already
    /// over, branches, the end) with the facts the batch read, as the next claim would, so that an enrolment does
    /// not wait for another claim just to reach its next wait or its end. A step that acts is left due now, for a
    /// later claim that reads the contact's facts afresh.
    /// </summary>
    public static void Continue(EnrollmentContext context, NurtureFacts facts, DateTime now)
    {
        var enrollment = context.Enrollment;
        if (enrollment.Status != EnrollmentStatus.Active || enrollment.CurrentStepId is null)
        {
            return;
        }

        var at = new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc));
        switch (NurtureStepper.Next(context.Definition, new EnrollmentPosition(enrollment.CurrentStepId, at), facts, at))
        {
            case WaitUntil wait:
                Place(enrollment, wait.Position);
                enrollment.NextActionDue = wait.Due.UtcDateTime;
                break;
            case ExitForGoal goal:
                End(enrollment, EnrollmentStatus.GoalReached, goal.Goal.ToWireName(), now);
                break;
            case Complete:
                End(enrollment, EnrollmentStatus.Completed, "completed", now);
                break;
        }
    }

    /// <summary>The facts after an action of the batch was settled: a send just done is the last email; an unsubscribe skip reaches that goal.</summary>
    public static NurtureFacts FactsAfter(NurtureFacts facts, NurtureAction action, DateTime now)
    {
        if (action.Kind == ActionKinds.SendContent && action.Status == ActionStatus.Done)
        {
            return facts with { LastSend = new LastSend(new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)), null, null, null) };
        }

        return action.Status == ActionStatus.Skipped && action.Reason?.StartsWith(ConsentReasons.Unsubscribed, StringComparison.Ordinal) == true
            ? facts with { GoalsReached = new HashSet<SequenceGoal>(facts.GoalsReached) { SequenceGoal.Unsubscribe } }
            : facts;
    }

    public static void Place(NurtureEnrollment enrollment, EnrollmentPosition position)
    {
        enrollment.CurrentStepId = position.StepId;
        enrollment.StepReachedAt = position.ReachedAt.UtcDateTime;
    }

    public static void End(NurtureEnrollment enrollment, string status, string reason, DateTime now)
    {
        enrollment.Status = status;
        enrollment.ExitReason = reason.Length > 500 ? reason[..500] : reason;
        enrollment.CompletedAt = now;
        enrollment.NextActionDue = null;
    }
}
