namespace Abm.Engines.Engagement;

/// <summary>
/// A contact's engagement score and its five components (each 0..100), plus the raw figures the
/// account roll-up needs. <see cref="Total"/> = 0.20 recency + 0.25 frequency + 0.25 quality
/// + 0.15 diversity + 0.15 progression.
/// </summary>
/// <param name="Total">Weighted sum of the components, 0..100.</param>
/// <param name="Recency">How much of the activity is recent: the saturated count of events decayed with the short recency half-life.</param>
/// <param name="Frequency">How many events, faded by age.</param>
/// <param name="Quality">How many weighted points, faded by age.</param>
/// <param name="Diversity">How many different kinds of engagement, faded by age.</param>
/// <param name="Progression">How deep into the buying funnel the engagement reaches, faded by age.</param>
/// <param name="EventsInWindow">Events that counted (inside the window, not after the scoring instant).</param>
/// <param name="LastEventAt">Time of the latest counted event, if any.</param>
/// <param name="CurrentPeriodPoints">Undecayed points in the latest velocity period.</param>
/// <param name="PreviousPeriodPoints">Undecayed points in the velocity period before it.</param>
public readonly record struct ContactEngagementScore(
    double Total,
    double Recency,
    double Frequency,
    double Quality,
    double Diversity,
    double Progression,
    int EventsInWindow,
    DateTimeOffset? LastEventAt,
    double CurrentPeriodPoints,
    double PreviousPeriodPoints)
{
    /// <summary>Component weights of <see cref="Total"/>, fixed by the product specification.</summary>
    public const double RecencyWeight = 0.20;

    /// <inheritdoc cref="RecencyWeight"/>
    public const double FrequencyWeight = 0.25;

    /// <inheritdoc cref="RecencyWeight"/>
    public const double QualityWeight = 0.25;

    /// <inheritdoc cref="RecencyWeight"/>
    public const double DiversityWeight = 0.15;

    /// <inheritdoc cref="RecencyWeight"/>
    public const double ProgressionWeight = 0.15;
}
