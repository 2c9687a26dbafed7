namespace Abm.Data.Entities;

public sealed class NurtureEnrollment : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ContactId { get; set; }
    public Guid SequenceId { get; set; }
    /// <summary>The sequence version the enrolment runs on; editing the sequence does not move it.</summary>
    public int SequenceVersion { get; set; } = 1;
    public int CurrentActionIndex { get; set; }
    public DateTime? NextActionDue { get; set; }
    public string Status { get; set; } = "active";
    public DateTime EnrolledAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? CompletionData { get; set; }
    /// <summary>The step the enrolment is at (waiting at, or about to perform); null before the worker first sees it.</summary>
    public string? CurrentStepId { get; set; }
    /// <summary>When the enrolment reached <see cref="CurrentStepId"/>: waits count from here.</summary>
    public DateTime? StepReachedAt { get; set; }
    /// <summary>Steps performed so far: the attempt scope of the next action's key, so a step visited again is a new action.</summary>
    public int StepsTaken { get; set; }
    /// <summary>Why the enrolment ended: the goal reached, "completed", "unenrolled", or the failed action that stopped it.</summary>
    public string? ExitReason { get; set; }
    /// <summary>What enrolled the contact: "manual", "bulk:segment:engaged", "trigger:stage_entered", ...</summary>
    public string? EnrolledBy { get; set; }
    /// <summary>Failed tries of the current step in a row; reset when the step is done.</summary>
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
