using Abm.Engines.Engagement;

namespace Abm.Engines.Journey;

/// <summary>What the journey stage inference looks at for one contact.</summary>
/// <param name="CurrentStage">The stage the contact has now, or null for a contact never staged.</param>
/// <param name="Override">A user's manual stage, if one is set; clearing it (null) lets inference resume.</param>
/// <param name="DealStages">Stages of the deals associated with the contact (any pipeline mapped to HubSpot's defaults).</param>
/// <param name="Events">The contact's engagement events (any order; only those in the evidence window count).</param>
/// <param name="Now">The instant the inference is made as of.</param>
public sealed record JourneyStageInput(
    JourneyStage? CurrentStage,
    JourneyStage? Override,
    IReadOnlyList<DealStage> DealStages,
    IReadOnlyList<EngagementEvent> Events,
    DateTimeOffset Now)
{
    /// <summary>Events older than this many days are not evidence (default: the engagement window, 90).</summary>
    public double EvidenceWindowDays { get; init; } = 90;

    /// <summary>The stages of the content the contact read lately (<see cref="StageVotes.Of"/> with <see cref="JourneyStageInference.ReadingHalfLifeDays"/>).</summary>
    public StageVotes OwnReading { get; init; } = StageVotes.None;

    /// <summary>The same for every contact of its account together, the contact included; none for a contact without an account.</summary>
    public StageVotes AccountReading { get; init; } = StageVotes.None;
}
