using Abm.Engines.Engagement;

namespace Abm.Engines.Content;

/// <summary>An engagement event of a contact that concerns one content item.</summary>
/// <param name="ContentId">The content item's id.</param>
/// <param name="ContentType">The item's format.</param>
/// <param name="EventType">What the contact did with it.</param>
/// <param name="OccurredAt">When.</param>
public readonly record struct ContentInteraction(
    string ContentId,
    ContentType ContentType,
    EngagementEventType EventType,
    DateTimeOffset OccurredAt);
