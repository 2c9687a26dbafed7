namespace Abm.HubSpot.Sandbox.Market;

/// <summary>The hidden truth at one simulated moment, for evaluating the engine; never served by a HubSpot-shaped route.</summary>
internal sealed record MarketTruth(DateTimeOffset At, int Seed, int CatalogueSize, IReadOnlyList<AccountTruth> Accounts, IReadOnlyList<ContactTruth> Contacts);

/// <summary>
/// One account's truth. <paramref name="Outcome"/> is what the behaviour simulation decided for its deals so far:
/// "won" once any deal closed won, "lost" when deals only closed lost, "open" before any closed.
/// </summary>
internal sealed record AccountTruth(
    string CompanyId,
    string Industry,
    double Fit,
    string BuyingStage,
    double StagePosition,
    double DaysPerStage,
    double Momentum,
    IReadOnlyList<string> CommitteeTopics,
    string Outcome,
    DateTimeOffset? DecidedAt);

/// <summary>
/// One buyer's truth. <paramref name="Relevance"/> lists the external ids of the items with each label above 0
/// ("3", "2", "1"); every other item of the catalogue is 0 — listing those too would only bloat the export.
/// <paramref name="ConversionChance"/> is the buyer's chance, today, of a form submission or a meeting booked on its
/// own initiative on one day (the behaviour model's own figures): the oracle ranking of who converts next.
/// </summary>
internal sealed record ContactTruth(
    string ContactId,
    string CompanyId,
    string Persona,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> PreferredFormats,
    string WantedStage,
    double Propensity,
    double ConversionChance,
    bool Unsubscribed,
    IReadOnlyDictionary<string, List<string>> Relevance);
