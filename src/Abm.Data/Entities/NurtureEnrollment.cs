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
}
