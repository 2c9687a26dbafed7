namespace Abm.Engines.Engagement;

/// <summary>
/// Scores one contact from its event columns. The single place the formulas of docs/scoring.md live;
/// both the one-contact and the batch entry points call it.
/// </summary>
internal static class ContactScoreKernel
{
    public static ContactEngagementScore Score(
        ReadOnlySpan<long> utcTicks,
        ReadOnlySpan<EngagementEventType> types,
        ScoringParameters p)
    {
        Span<double> freshestByType = stackalloc double[EventTypeCount.Value];
        freshestByType.Clear();

        double decayedCount = 0, decayedPoints = 0, recentCount = 0, deepest = 0;
        double currentPoints = 0, previousPoints = 0;
        var counted = 0;
        var lastTicks = long.MinValue;

        for (var i = 0; i < utcTicks.Length; i++)
        {
            var ageTicks = p.NowTicks - utcTicks[i];
            if (ageTicks < 0)
            {
                continue; // after the scoring instant: not known yet when scoring "as of now"
            }

            var type = (int)types[i];
            var weight = p.Weights[type];
            if (ageTicks < p.PeriodTicks)
            {
                currentPoints += weight;
            }
            else if (ageTicks < 2 * p.PeriodTicks)
            {
                previousPoints += weight;
            }

            if (!p.InWindow(ageTicks))
            {
                continue;
            }

            var decay = p.Decay(ageTicks);
            counted++;
            lastTicks = Math.Max(lastTicks, utcTicks[i]);
            decayedCount += decay;
            decayedPoints += weight * decay;
            recentCount += p.RecentDecay(ageTicks);
            freshestByType[type] = Math.Max(freshestByType[type], decay);
            deepest = Math.Max(deepest, p.Depths[type] * decay);
        }

        var distinctFreshTypes = 0.0;
        foreach (var typeFreshness in freshestByType)
        {
            distinctFreshTypes += typeFreshness;
        }

        var settings = p.Settings;
        var recency = Saturate(recentCount, settings.RecencyHalfSaturation, settings.SaturationSteepness);
        var frequency = Saturate(decayedCount, settings.FrequencyHalfSaturation, settings.SaturationSteepness);
        var quality = Saturate(decayedPoints, settings.QualityHalfSaturation, settings.SaturationSteepness);
        var diversity = 100 * Math.Min(1, distinctFreshTypes / settings.DiversityTarget);
        var progression = 100 * deepest;
        var total = (ContactEngagementScore.RecencyWeight * recency)
            + (ContactEngagementScore.FrequencyWeight * frequency)
            + (ContactEngagementScore.QualityWeight * quality)
            + (ContactEngagementScore.DiversityWeight * diversity)
            + (ContactEngagementScore.ProgressionWeight * progression);

        return new ContactEngagementScore(
            total,
            recency,
            frequency,
            quality,
            diversity,
            progression,
            counted,
            counted == 0 ? null : new DateTimeOffset(lastTicks, TimeSpan.Zero),
            currentPoints,
            previousPoints);
    }

    /// <summary>
    /// 100 * x^n / (x^n + half^n): grows with every event, never reaches 100, is 50 at the half point. With a
    /// steepness n above 1 it rises fastest around the half point, so contacts near the typical level are told apart
    /// instead of all crowding just under 100.
    /// </summary>
    internal static double Saturate(double value, double halfSaturation, double steepness)
    {
        if (value <= 0)
        {
            return 0;
        }

        var ratio = Math.Pow(halfSaturation / value, steepness);
        return 100 / (1 + ratio);
    }
}
