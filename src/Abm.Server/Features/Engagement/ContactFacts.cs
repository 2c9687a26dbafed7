using Abm.Engines.Content;
using Abm.Engines.Engagement;
using Abm.Engines.Journey;

namespace Abm.Server.Features.Engagement;

/// <summary>What the database knows of one contact, in the engines' terms.</summary>
internal sealed record ContactFacts(
    string? JobTitle,
    JourneyStage? CurrentStage,
    JourneyStage? StageOverride,
    IReadOnlyList<DealStage> DealStages,
    IReadOnlyList<EngagementEvent> Events,
    IReadOnlyList<ContentInteraction> ContentInteractions,
    IReadOnlyList<StageReading> Readings,
    DateTime? LastEventAt);
