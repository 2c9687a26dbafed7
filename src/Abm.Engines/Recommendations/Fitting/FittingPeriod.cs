namespace Abm.Engines.Recommendations.Fitting;

/// <summary>
/// The contacts of one period, judged with the library as it stood at the period's cut-off (items published
/// later do not exist yet; freshness is measured from the cut-off).
/// </summary>
/// <param name="Recommender">A recommender built on the library as of the cut-off, with the settings in force.</param>
/// <param name="Cases">The contacts, each as of the cut-off with what it engaged with after it.</param>
public sealed record FittingPeriod(ContentRecommender Recommender, IReadOnlyList<FittingCase> Cases);
