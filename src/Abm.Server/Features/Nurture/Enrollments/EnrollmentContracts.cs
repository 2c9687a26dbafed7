using Abm.Data.Entities;

namespace Abm.Server.Features.Nurture.Enrollments;

/// <summary>
/// Who to enrol: one contact, a list of contact ids, every contact of a segment, every synced member of a HubSpot
/// list (<c>listId</c>, read from HubSpot at that moment), or every contact a filter selects. Exactly one of them.
/// </summary>
internal sealed record EnrollRequest(Guid SequenceId, Guid? ContactId, IReadOnlyList<Guid>? ContactIds, string? Segment, ContactFilter? Filter, string? ListId = null);

/// <summary>Contacts whose journey stage, persona, engagement score or lifecycle stage match (all given conditions hold).</summary>
internal sealed record ContactFilter(string? Stage, string? Persona, int? MinScore, int? MaxScore, string? LifecycleStage);

/// <summary>What happened to each contact asked for; the batch as a whole never fails for one contact.</summary>
internal sealed record EnrollResponse(Guid SequenceId, int SequenceVersion, int Enrolled, int NotEnrolled, IReadOnlyList<ContactOutcome> Contacts);

/// <summary>
/// <c>enrolled</c>, <c>already_enrolled</c> (an active enrolment exists), <c>not_reenrollable</c> (the sequence's
/// re-enrolment policy refuses), <c>cannot_receive_email</c> (the sequence emails and the contact has no address or
/// opted out), or <c>not_found</c>.
/// </summary>
internal sealed record ContactOutcome(Guid ContactId, string Outcome, Guid? EnrollmentId, string? Reason);

internal static class EnrollmentOutcomes
{
    public const string Enrolled = "enrolled";
    public const string AlreadyEnrolled = "already_enrolled";
    public const string NotReenrollable = "not_reenrollable";
    public const string CannotReceiveEmail = "cannot_receive_email";
    public const string NotFound = "not_found";
}

/// <summary>An enrolment's states: running, or how it ended.</summary>
internal static class EnrollmentStatus
{
    public const string Active = "active";
    public const string Completed = "completed";
    public const string GoalReached = "goal_reached";
    public const string Exited = "exited";
}

internal sealed record EnrollmentResponse(
    Guid Id, Guid SequenceId, int SequenceVersion, Guid ContactId, string Status, string? CurrentStepId, DateTime? NextActionDue,
    int StepsTaken, DateTime EnrolledAt, string? EnrolledBy, DateTime? CompletedAt, string? ExitReason, string? LastError)
{
    public static EnrollmentResponse From(NurtureEnrollment e) => new(
        e.Id, e.SequenceId, e.SequenceVersion, e.ContactId, e.Status, e.CurrentStepId, e.NextActionDue, e.StepsTaken, e.EnrolledAt, e.EnrolledBy,
        e.CompletedAt, e.ExitReason, e.LastError);
}

internal sealed record EnrollmentPage(IReadOnlyList<EnrollmentResponse> Items, int Total, int Limit, int Offset);

internal sealed record ActionResponse(
    Guid Id, Guid EnrollmentId, Guid SequenceId, int SequenceVersion, string StepId, int AttemptScope, string Kind, string Status, string? Reason,
    int Attempts, Guid? ContentId, string? SendId, string? HubSpotId, DateTime CreatedAt, DateTime? CompletedAt)
{
    public static ActionResponse From(NurtureAction a) => new(
        a.Id, a.EnrollmentId, a.SequenceId, a.SequenceVersion, a.StepId, a.AttemptScope, a.Kind, a.Status, a.Reason, a.Attempts, a.ContentId,
        a.SendId, a.HubSpotId, a.CreatedAt, a.CompletedAt);
}

internal sealed record ContactNurtureResponse(Guid ContactId, IReadOnlyList<EnrollmentResponse> Enrollments, IReadOnlyList<ActionResponse> Timeline);
