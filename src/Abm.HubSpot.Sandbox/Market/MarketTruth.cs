namespace Abm.HubSpot.Sandbox.Market;

/// <summary>The hidden truth at one simulated moment, for evaluating the engine; never served by a HubSpot-shaped route.</summary>
internal sealed record MarketTruth(DateTimeOffset At, int Seed, int CatalogueSize, IReadOnlyList<AccountTruth> Accounts, IReadOnlyList<ContactTruth> Contacts);

internal sealed record AccountTruth(
    string CompanyId, string Industry, double Fit, string BuyingStage, double StagePosition, double DaysPerStage, double Momentum, IReadOnlyList<string> CommitteeTopics);

/// <summary>
/// One buyer's truth. <paramref name="Relevance"/> lists the external ids of the items with each label above 0
/// ("3", "2", "1"); every other item of the catalogue is 0 — listing those too would only bloat the export.
/// </summary>
internal sealed record ContactTruth(
    string ContactId,
    string CompanyId,
    string Persona,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> PreferredFormats,
    string WantedStage,
    double Propensity,
    IReadOnlyDictionary<string, List<string>> Relevance);
