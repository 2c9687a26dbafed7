namespace Abm.RecommenderQuality.NurtureConversion;

/// <summary>The nurture part of a conversion run; the market and its history come from <see cref="QualityRunOptions"/>.</summary>
public sealed record ConversionOptions
{
    /// <summary>Simulated days the sequences run after the history.</summary>
    public int NurtureDays { get; init; } = 30;

    /// <summary>Sends in the sequence, twice a week (Monday and Thursday 10:00 in the contact's time zone): nine fill 30 days.</summary>
    public int Sends { get; init; } = 9;

    /// <summary>Seed of the split into the three groups and of the random arm's draws.</summary>
    public int Seed { get; init; } = 11;

    /// <summary>
    /// Whether an admin fits the recommender's weights on the learnt history (and approves them when the server
    /// proposes them) before the sequences start; false keeps the default weights.
    /// </summary>
    public bool FitWeights { get; init; } = true;

    /// <summary>The transactional email the sequences send (any id: the sandbox accepts every one).</summary>
    public long EmailId { get; init; } = 4242;
}
