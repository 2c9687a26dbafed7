namespace Abm.Engines.Recommendations;

/// <summary>
/// Each factor's contribution (factor value x weight) to a recommendation's relevance; <see cref="Total"/> is
/// their sum and is the relevance itself, so the explanation always adds up.
/// </summary>
public readonly record struct FactorContributions(
    double Industry,
    double Persona,
    double Stage,
    double EngagementHistory,
    double Freshness,
    double Performance)
{
    /// <summary>The relevance, 0..1: the sum of the six contributions.</summary>
    public double Total => Industry + Persona + Stage + EngagementHistory + Freshness + Performance;
}
