namespace Abm.HubSpot.Sandbox.Market;

/// <summary>One piece of marketing content of the simulated market, in the shape of ABM Engine's content import.</summary>
internal sealed record MarketContentItem(
    string ExternalId,
    string Title,
    string ContentType,
    string Complexity,
    string Topic,
    string Url,
    IReadOnlyList<string> TargetIndustries,
    IReadOnlyList<string> TargetPersonas,
    IReadOnlyList<string> TargetJourneyStages,
    DateTimeOffset PublishedAt,
    int DurationMinutes);
