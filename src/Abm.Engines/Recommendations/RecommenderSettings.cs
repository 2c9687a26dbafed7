namespace Abm.Engines.Recommendations;

/// <summary>Per-workspace recommender settings.</summary>
public sealed record RecommenderSettings
{
    /// <summary>The defaults documented in docs/scoring.md.</summary>
    public static RecommenderSettings Default { get; } = new();

    /// <summary>Factor weights.</summary>
    public RelevanceWeights Weights { get; init; } = RelevanceWeights.Default;

    /// <summary>Age in days at which an item's freshness is 0.5.</summary>
    public double FreshnessHalfLifeDays { get; init; } = 180;

    /// <summary>At most this many items of one format in a top-K, unless no other format is left to fill it.</summary>
    public int MaxPerFormat { get; init; } = 2;

    /// <summary>
    /// False (the default): an item written for other industries only is never recommended to a contact whose
    /// industry is known, however well it scores on the other factors; items for every industry (no target) still
    /// are. True: such items are only scored 0 on the industry factor, as before.
    /// </summary>
    public bool AllowOtherIndustries { get; init; }

    /// <summary>Throws when a setting cannot produce meaningful recommendations.</summary>
    public void Validate()
    {
        Weights.Validate();
        if (!double.IsFinite(FreshnessHalfLifeDays) || FreshnessHalfLifeDays <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(FreshnessHalfLifeDays), FreshnessHalfLifeDays, "Must be greater than zero.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPerFormat, 1);
    }
}
