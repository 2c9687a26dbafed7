namespace Abm.Engines.Journey;

/// <summary>The rule that decided a journey stage; listed in the order they are documented in docs/scoring.md.</summary>
public enum JourneyRule
{
    /// <summary>A user set the stage by hand; it wins over all evidence, even backwards.</summary>
    ManualOverride,

    /// <summary>An associated deal is <c>closedwon</c>: the contact is a customer.</summary>
    ClosedWonDeal,

    /// <summary>An associated deal is at <c>decisionmakerboughtin</c> or <c>contractsent</c>.</summary>
    LateStageDeal,

    /// <summary>A pricing inquiry and a booked meeting in the evidence window: the buyer is negotiating.</summary>
    PricingWithMeeting,

    /// <summary>An associated deal is open at <c>appointmentscheduled</c>, <c>qualifiedtobuy</c> or <c>presentationscheduled</c>.</summary>
    OpenDeal,

    /// <summary>A demo request, pricing inquiry or booked meeting in the evidence window.</summary>
    HighIntentEvent,

    /// <summary>
    /// The stage the content read lately by the contact and by its account's buying committee is most written for
    /// (<see cref="StageVotes.Leading"/>), once there is enough reading to go by.
    /// </summary>
    ReadingStage,

    /// <summary>A content download, webinar attendance or form submission in the evidence window, and too little reading for <see cref="ReadingStage"/>.</summary>
    ContentEngagement,

    /// <summary>Only opens, clicks, visits or shares in the evidence window.</summary>
    AwarenessActivity,

    /// <summary>The evidence points to an earlier stage than the current one; stages only move forward.</summary>
    KeptCurrentStage,

    /// <summary>No evidence and no current stage: every contact starts at problem awareness.</summary>
    NoEvidence,
}
