namespace Abm.Engines.Recommendations.Fitting;

/// <summary>
/// The outcome of fitting: the weights found on the fit period and both weightings judged on both periods.
/// </summary>
/// <param name="Current">The weights in force when the fit ran.</param>
/// <param name="Fitted">The best weights found on the fit period (equal to <paramref name="Current"/> when nothing beat them).</param>
/// <param name="CurrentOnFit">The weights in force, on the fit period.</param>
/// <param name="FittedOnFit">The fitted weights, on the fit period.</param>
/// <param name="CurrentOnHeldOut">The weights in force, on the held-out period, which the search never saw.</param>
/// <param name="FittedOnHeldOut">The fitted weights, on the held-out period.</param>
/// <param name="WeightingsTried">How many weightings the search judged.</param>
public sealed record WeightFit(
    RelevanceWeights Current,
    RelevanceWeights Fitted,
    WeightEvaluation CurrentOnFit,
    WeightEvaluation FittedOnFit,
    WeightEvaluation CurrentOnHeldOut,
    WeightEvaluation FittedOnHeldOut,
    int WeightingsTried)
{
    /// <summary>
    /// Whether the fitted weights should be proposed: on the held-out period their NDCG@k beats the current
    /// weights' by at least <paramref name="margin"/> (relative, e.g. 0.03 for 3 %) and their hit-rate is no lower.
    /// </summary>
    public bool BeatsCurrent(double margin) =>
        FittedOnHeldOut.Contacts > 0
        && FittedOnHeldOut.Ndcg >= CurrentOnHeldOut.Ndcg * (1 + margin)
        && FittedOnHeldOut.Ndcg > CurrentOnHeldOut.Ndcg
        && FittedOnHeldOut.HitRate >= CurrentOnHeldOut.HitRate;
}
