namespace Abm.Engines.Recommendations.Fitting;

/// <summary>How well one weighting ranked a period's contacts.</summary>
/// <param name="Ndcg">Mean NDCG@k over the contacts judged.</param>
/// <param name="HitRate">Share of the contacts judged whose top-k held an item they went on to engage with.</param>
/// <param name="Contacts">
/// Contacts judged: those that engaged after the cut-off with at least one item they could have been shown
/// (an item read before the cut-off is never recommended, so engaging with it again says nothing).
/// </param>
public sealed record WeightEvaluation(double Ndcg, double HitRate, int Contacts);
