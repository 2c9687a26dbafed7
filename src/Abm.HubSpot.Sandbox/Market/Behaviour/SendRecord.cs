namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>
/// One transactional send the behaviour simulation reacted to: which item it carried (if any), its relevance
/// label at the moment of sending and what the buyer did. Admin-only: the label is hidden truth.
/// </summary>
internal sealed record SendRecord(
    string StatusId,
    long ContactId,
    string? ContentExternalId,
    DateTimeOffset SentAt,
    int? Label,
    int SendsInPreviousWeek,
    bool Opened,
    bool Clicked,
    bool Downloaded,
    bool BookedMeeting,
    bool Unsubscribed);
