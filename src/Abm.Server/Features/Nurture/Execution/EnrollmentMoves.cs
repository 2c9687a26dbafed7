using Abm.Data.Entities;
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

    public static void End(NurtureEnrollment enrollment, string status, string reason, DateTime now)
    {
        enrollment.Status = status;
        enrollment.ExitReason = reason.Length > 500 ? reason[..500] : reason;
        enrollment.CompletedAt = now;
        enrollment.NextActionDue = null;
    }
}
