using Abm.Engines.Engagement;
using Abm.Engines.Journey;

namespace Abm.Engines.Nurture;

/// <summary>What enrols a contact in a sequence automatically (or <see cref="ManualTrigger"/> for enrolment by hand or in bulk).</summary>
public abstract record SequenceTrigger;

/// <summary><c>stage_entered</c>: the contact's journey stage became <see cref="Stage"/>.</summary>
public sealed record StageEnteredTrigger(JourneyStage Stage) : SequenceTrigger;

/// <summary><c>score_crossed</c>: the engagement score crossed <see cref="Threshold"/> going up or down.</summary>
public sealed record ScoreCrossedTrigger(double Threshold, CrossingDirection Direction) : SequenceTrigger;

/// <summary><c>event</c>: an engagement event of <see cref="EventType"/> arrived.</summary>
public sealed record EventTrigger(EngagementEventType EventType) : SequenceTrigger;

/// <summary><c>segment_joined</c>: the contact entered the named segment (built-in or a workspace rule).</summary>
public sealed record SegmentJoinedTrigger(string Segment) : SequenceTrigger;

/// <summary><c>list_joined</c>: the contact was added to the HubSpot list <see cref="ListId"/>.</summary>
public sealed record ListJoinedTrigger(string ListId) : SequenceTrigger;

/// <summary><c>lead_priority</c>: lead scoring set the contact's priority to <see cref="Priority"/>.</summary>
public sealed record LeadPriorityTrigger(LeadPriority Priority) : SequenceTrigger;

/// <summary><c>manual</c>: only enrolled by hand, one contact or in bulk.</summary>
public sealed record ManualTrigger : SequenceTrigger;

/// <summary>Which way a score crosses its threshold.</summary>
public enum CrossingDirection
{
    /// <summary><c>up</c>: from below the threshold to at or above it.</summary>
    Up,

    /// <summary><c>down</c>: from at or above the threshold to below it.</summary>
    Down,
}

/// <summary>Lead priority as lead scoring assigns it: high (score 80+), medium (50 to 79), low (under 50).</summary>
public enum LeadPriority
{
    /// <summary><c>high</c></summary>
    High,

    /// <summary><c>medium</c></summary>
    Medium,

    /// <summary><c>low</c></summary>
    Low,
}
