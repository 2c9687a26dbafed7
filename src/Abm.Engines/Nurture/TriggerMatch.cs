using Abm.Engines.Engagement;
using Abm.Engines.Journey;

namespace Abm.Engines.Nurture;

/// <summary>
/// What changed about a contact, as the server saw it happen: its engagement score and journey stage before and
/// after a recompute, the segments it is in, the engagement events that just arrived, a lead priority just set.
/// Unknown parts are null (or empty): a change that only reports events never matches a score trigger.
/// </summary>
public sealed record ContactChange(
    double? ScoreBefore = null,
    double? ScoreAfter = null,
    JourneyStage? StageBefore = null,
    JourneyStage? StageAfter = null,
    IReadOnlySet<string>? Segments = null,
    IReadOnlyCollection<EngagementEventType>? NewEvents = null,
    LeadPriority? LeadPrioritySet = null);

/// <summary>Which of a sequence's triggers a contact's change fires. Pure.</summary>
public static class TriggerMatch
{
    /// <summary>The first trigger of <paramref name="triggers"/> that <paramref name="change"/> fires, or null.</summary>
    public static SequenceTrigger? FirstFired(IReadOnlyList<SequenceTrigger> triggers, ContactChange change) => triggers.FirstOrDefault(t => Fires(t, change));

    /// <summary>
    /// Stage: the stage became the trigger's (it was another before). Score: it went from below the threshold to at
    /// or above it (up), or the reverse (down). Event: an event of the type arrived. Segment: the contact is in the
    /// segment (a sequence's re-enrolment policy keeps a contact who stays in it from being enrolled again and
    /// again). Lead priority: the priority was set to the trigger's. A list-joined or manual trigger never fires here.
    /// </summary>
    public static bool Fires(SequenceTrigger trigger, ContactChange change) => trigger switch
    {
        StageEnteredTrigger stage => change.StageAfter == stage.Stage && change.StageBefore is { } before && before != stage.Stage,
        ScoreCrossedTrigger { Direction: CrossingDirection.Up } up => change is { ScoreBefore: { } from, ScoreAfter: { } to } && from < up.Threshold && to >= up.Threshold,
        ScoreCrossedTrigger down => change is { ScoreBefore: { } from, ScoreAfter: { } to } && from >= down.Threshold && to < down.Threshold,
        EventTrigger e => change.NewEvents?.Contains(e.EventType) == true,
        SegmentJoinedTrigger segment => change.Segments?.Contains(segment.Segment) == true,
        LeadPriorityTrigger priority => change.LeadPrioritySet == priority.Priority,
        _ => false,
    };

    /// <summary>The trigger's wire name, e.g. <c>score_crossed</c>, for "what enrolled this contact".</summary>
    public static string NameOf(SequenceTrigger trigger) => trigger switch
    {
        StageEnteredTrigger => "stage_entered",
        ScoreCrossedTrigger => "score_crossed",
        EventTrigger => "event",
        SegmentJoinedTrigger => "segment_joined",
        ListJoinedTrigger => "list_joined",
        LeadPriorityTrigger => "lead_priority",
        _ => "manual",
    };
}
