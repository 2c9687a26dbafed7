namespace Abm.Data.Entities;

public sealed class NurtureEnrollment : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ContactId { get; set; }
    public Guid SequenceId { get; set; }
    public int CurrentActionIndex { get; set; }
    public DateTime? NextActionDue { get; set; }
    public string Status { get; set; } = "active";
    public DateTime EnrolledAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? CompletionData { get; set; }
}
