namespace Abm.Data.Entities;

/// <summary>
/// One action of an enrolment toward HubSpot, keyed by (enrolment, step, attempt scope) and written before
/// HubSpot is called: its id is the email's sendId and the marker a retried task is found by, so a crash
/// between the write and the call, or after the call, neither repeats nor loses the action.
/// </summary>
public sealed class NurtureAction : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid EnrollmentId { get; set; }
    public Guid SequenceId { get; set; }
    public int SequenceVersion { get; set; }
    public Guid ContactId { get; set; }
    /// <summary>The contact's account when the action was taken, for the per-account frequency cap.</summary>
    public Guid? CompanyId { get; set; }
    public required string StepId { get; set; }
    /// <summary>The enrolment's steps taken when it reached this step.</summary>
    public int AttemptScope { get; set; }
    /// <summary><c>send_content</c>, <c>create_task</c>, <c>update_property</c>, <c>add_to_list</c>, <c>remove_from_list</c>.</summary>
    public required string Kind { get; set; }
    /// <summary><c>pending</c>, <c>done</c>, <c>skipped</c>, <c>failed</c> (will be retried) or <c>parked</c> (gave up).</summary>
    public string Status { get; set; } = "pending";
    public string? Reason { get; set; }
    public int Attempts { get; set; }
    public DateTime? NextAttemptAt { get; set; }
    public Guid? ContentId { get; set; }
    public string? SendId { get; set; }
    /// <summary>What HubSpot calls the result: the send's status id, the task's id.</summary>
    public string? HubSpotId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>For a task: when its owner completed it in HubSpot, as a sync last read it back.</summary>
    public DateTime? TaskCompletedAt { get; set; }
    /// <summary>For a task: when a sync last asked HubSpot for its status (the least recently asked go first).</summary>
    public DateTime? TaskCheckedAt { get; set; }
}
