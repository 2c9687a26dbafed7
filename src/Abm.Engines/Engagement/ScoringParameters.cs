namespace Abm.Engines.Engagement;

/// <summary>
/// Settings and the scoring instant turned into the numbers the per-contact loop uses, computed once per pass
/// so the loop does no division, enum lookup or validation.
/// </summary>
internal sealed class ScoringParameters
{
    public ScoringParameters(EngagementSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Settings = settings;
        NowTicks = now.UtcTicks;
        WindowTicks = settings.WindowDays * TimeSpan.TicksPerDay;
        // 2^(-age / halfLife) == e^(-age * ln2 / halfLife): one Math.Exp per event.
        DecayPerTick = Math.Log(2) / (settings.HalfLifeDays * TimeSpan.TicksPerDay);
        RecentDecayPerTick = Math.Log(2) / (settings.RecencyHalfLifeDays * TimeSpan.TicksPerDay);
        PeriodTicks = settings.VelocityPeriodDays * TimeSpan.TicksPerDay;
        Weights = settings.Weights.ToTable();
        Depths = new double[EventTypeCount.Value];
        foreach (var type in Enum.GetValues<EngagementEventType>())
        {
            Depths[(int)type] = (double)FunnelDepth.Of(type) / FunnelDepth.Deepest;
        }
    }

    public EngagementSettings Settings { get; }

    /// <summary>True when an event this old (in ticks) counts: not after "now" and not older than the window.</summary>
    public bool InWindow(long ageTicks) => ageTicks >= 0 && ageTicks <= WindowTicks;

    /// <summary>0.5 ^ (age / half-life) for an age in ticks.</summary>
    public double Decay(long ageTicks) => Math.Exp(-ageTicks * DecayPerTick);

    /// <summary>0.5 ^ (age / recency half-life) for an age in ticks: how much an event counts as recent activity.</summary>
    public double RecentDecay(long ageTicks) => Math.Exp(-ageTicks * RecentDecayPerTick);

    public long NowTicks { get; }

    private double WindowTicks { get; }

    private double DecayPerTick { get; }

    private double RecentDecayPerTick { get; }

    public double PeriodTicks { get; }

    /// <summary>Event weight by <c>(int)EngagementEventType</c>.</summary>
    public double[] Weights { get; }

    /// <summary>Funnel depth as a fraction of the deepest level, by <c>(int)EngagementEventType</c>.</summary>
    public double[] Depths { get; }
}
