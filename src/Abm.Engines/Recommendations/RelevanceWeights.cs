namespace Abm.Engines.Recommendations;

/// <summary>Weights of the six relevance factors; they must sum to 1 so relevance stays within 0..1.</summary>
public sealed record RelevanceWeights
{
    /// <summary>The specified weights: 0.25, 0.20, 0.20, 0.15, 0.10, 0.10.</summary>
    public static RelevanceWeights Default { get; } = new();

    /// <summary>Weight of industry alignment.</summary>
    public double Industry { get; init; } = 0.25;

    /// <summary>Weight of persona alignment.</summary>
    public double Persona { get; init; } = 0.20;

    /// <summary>Weight of journey stage alignment.</summary>
    public double Stage { get; init; } = 0.20;

    /// <summary>Weight of the match with the contact's engagement history.</summary>
    public double EngagementHistory { get; init; } = 0.15;

    /// <summary>Weight of content freshness.</summary>
    public double Freshness { get; init; } = 0.10;

    /// <summary>Weight of content performance.</summary>
    public double Performance { get; init; } = 0.10;

    /// <summary>Throws when a weight is negative or they do not sum to 1.</summary>
    public void Validate()
    {
        double[] all = [Industry, Persona, Stage, EngagementHistory, Freshness, Performance];
        if (all.Any(w => !(w >= 0)) || Math.Abs(all.Sum() - 1) > 1e-9)
        {
            throw new ArgumentOutOfRangeException(nameof(RelevanceWeights), "Relevance weights must be non-negative and sum to 1.");
        }
    }
}
