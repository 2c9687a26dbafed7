namespace Abm.RecommenderQuality;

/// <summary>The size and randomness of one quality run; the same options always build the same market.</summary>
public sealed record QualityRunOptions
{
    /// <summary>Target accounts in the sandbox portal (each has 5 to 30 buyers).</summary>
    public int Accounts { get; init; } = 100;

    /// <summary>Seed of the sandbox's portal, catalogue and buyer behaviour.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Simulated days the buyers act before recommendations are judged, so there is history to learn from.</summary>
    public int Days { get; init; } = 14;

    /// <summary>
    /// Simulated days kept after the history for a run that goes on living (the nurture conversion bench): the clock
    /// starts this much earlier too, so those days also stay in the real past.
    /// </summary>
    public int ReserveDays { get; init; }

    /// <summary>
    /// Simulated days the buyers live on after the scores were read, unseen by the server: who fills in a form or
    /// books a meeting in them is the outcome the contact score is judged against.
    /// </summary>
    public int OutcomeDays { get; init; } = 14;

    /// <summary>The cut-off rank of the metrics and the number of recommendations asked for.</summary>
    public int K { get; init; } = 5;

    /// <summary>Seed of the random baseline.</summary>
    public int RandomBaselineSeed { get; init; } = 7;

    /// <summary>Recommendation requests in flight at once.</summary>
    public int Parallelism { get; init; } = 4;
}
