using Abm.Data.Entities;
using Abm.Engines.Nurture;

namespace Abm.Server.Features.Nurture.Execution;

/// <summary>What the worker knows about one claimed enrolment's contact: who it is in HubSpot, and the engine's facts.</summary>
internal sealed record EnrollmentContext(
    NurtureEnrollment Enrollment,
    SequenceDefinition Definition,
    Contact Contact,
    string? AccountOwnerId,
    NurtureFacts Facts);

/// <summary>
/// One action to carry out toward HubSpot: its log row (already saved) and what the call needs. <see cref="MayHaveRun"/>
/// is true when the row existed before this pass, so an earlier pass may have called HubSpot before it stopped.
/// </summary>
internal sealed record PendingAction(NurtureAction Action, EnrollmentContext Context, SequenceStep Step, ContentItem? Content, string? NextStepId, bool MayHaveRun);

/// <summary>What became of an action's call: done (with HubSpot's id), skipped with a reason, or failed (maybe for good).</summary>
internal sealed record ActionOutcome(PendingAction Pending, string Status, string? HubSpotId, string? Reason, bool Permanent = false)
{
    public static ActionOutcome Done(PendingAction pending, string? hubSpotId) => new(pending, ActionStatus.Done, hubSpotId, null);

    public static ActionOutcome Skipped(PendingAction pending, string reason) => new(pending, ActionStatus.Skipped, null, reason);

    public static ActionOutcome Failed(PendingAction pending, string reason, bool permanent = false) => new(pending, ActionStatus.Failed, null, reason, permanent);
}
