namespace Abm.Engines.Engagement;

/// <summary>
/// Per-workspace engagement scoring settings. Decay and window work together: events older than
/// <see cref="WindowDays"/> are ignored, and the ones inside fade with <see cref="HalfLifeDays"/>.
/// Formulas are in docs/scoring.md.
/// </summary>
public sealed record EngagementSettings
{
    /// <summary>The defaults documented in docs/scoring.md.</summary>
    public static EngagementSettings Default { get; } = new();

    /// <summary>Points per event type (quality component and velocity).</summary>
    public EventWeights Weights { get; init; } = EventWeights.Default;

    /// <summary>Age in days at which an event counts half as much as a fresh one.</summary>
    public double HalfLifeDays { get; init; } = 30;

    /// <summary>Events older than this many days do not count towards the score at all.</summary>
    public double WindowDays { get; init; } = 90;

    /// <summary>Half-life in days of the recency component's count of recent events: recent activity, not only the latest event.</summary>
    public double RecencyHalfLifeDays { get; init; } = 7;

    /// <summary>Recent-event count (decayed with <see cref="RecencyHalfLifeDays"/>) at which the recency component reaches 50.</summary>
    public double RecencyHalfSaturation { get; init; } = 40;

    /// <summary>Decayed event count at which the frequency component reaches 50.</summary>
    public double FrequencyHalfSaturation { get; init; } = 80;

    /// <summary>Decayed weighted points at which the quality component reaches 50.</summary>
    public double QualityHalfSaturation { get; init; } = 1200;

    /// <summary>Exponent n of the saturation curve x^n / (x^n + half^n) of recency, frequency and quality (1 = x / (x + half)).</summary>
    public double SaturationSteepness { get; init; } = 3;

    /// <summary>Number of distinct (fresh) event types that earns full diversity.</summary>
    public double DiversityTarget { get; init; } = 5;

    /// <summary>Length in days of the periods compared by account engagement velocity.</summary>
    public double VelocityPeriodDays { get; init; } = 30;

    /// <summary>A contact with a score at or above this counts as engaged for stakeholder coverage.</summary>
    public double EngagedThreshold { get; init; } = 40;

    /// <summary>Buying roles that make up the buying committee for stakeholder coverage.</summary>
    public BuyingRoles CoverageRoles { get; init; } = BuyingRoles.BuyingCommittee;

    /// <summary>Score movement (points) since the last write-back that makes the change worth writing back.</summary>
    public double SignificantScoreDelta { get; init; } = 5;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a setting cannot produce meaningful scores.</summary>
    public void Validate()
    {
        RequirePositive(HalfLifeDays, nameof(HalfLifeDays));
        RequirePositive(WindowDays, nameof(WindowDays));
        RequirePositive(RecencyHalfLifeDays, nameof(RecencyHalfLifeDays));
        RequirePositive(RecencyHalfSaturation, nameof(RecencyHalfSaturation));
        RequirePositive(FrequencyHalfSaturation, nameof(FrequencyHalfSaturation));
        RequirePositive(SaturationSteepness, nameof(SaturationSteepness));
        RequirePositive(QualityHalfSaturation, nameof(QualityHalfSaturation));
        RequirePositive(DiversityTarget, nameof(DiversityTarget));
        RequirePositive(VelocityPeriodDays, nameof(VelocityPeriodDays));
        ArgumentOutOfRangeException.ThrowIfNegative(EngagedThreshold);
        ArgumentOutOfRangeException.ThrowIfNegative(SignificantScoreDelta);
        if (CoverageRoles == BuyingRoles.None)
        {
            throw new ArgumentOutOfRangeException(nameof(CoverageRoles), "At least one buying role must count towards coverage.");
        }
    }

    private static void RequirePositive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be a finite number greater than zero.");
        }
    }
}
