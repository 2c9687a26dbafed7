namespace Abm.Engines.Engagement;

/// <summary>One engagement event of a single contact, as the scorer needs it.</summary>
/// <param name="Type">What happened.</param>
/// <param name="OccurredAt">When it happened; events after the scoring instant are ignored.</param>
public readonly record struct EngagementEvent(EngagementEventType Type, DateTimeOffset OccurredAt);
