namespace Abm.Engines.Journey;

/// <summary>One interaction with a content item, with the journey stages the item is written for.</summary>
/// <param name="At">When the contact interacted with the item.</param>
/// <param name="Stages">The item's target stages (an item for no stage in particular has none and says nothing).</param>
public readonly record struct StageReading(DateTimeOffset At, IReadOnlyList<JourneyStage> Stages);

/// <summary>
/// How strongly recent reading points at each journey stage: every interaction in the window gives its item's target
/// stages a vote of 0.5 ^ (age / half-life), split evenly between them. Buyers read what fits where they are, so the
/// stage most voted for is where they are now; the short half-life lets the votes follow a committee that moves on.
/// </summary>
public sealed class StageVotes
{
    private readonly double[] _votes = new double[StageCount];

    private const int StageCount = (int)JourneyStage.PostPurchaseExpansion + 1;

    /// <summary>No reading at all.</summary>
    public static StageVotes None { get; } = new();

    /// <summary>The sum of all votes: how much recent reading there is to go by.</summary>
    public double Total => _votes.Sum();

    /// <summary>The vote for one stage.</summary>
    public double this[JourneyStage stage] => _votes[(int)stage];

    /// <summary>Tallies the readings in the window [now - windowDays, now].</summary>
    public static StageVotes Of(IEnumerable<StageReading> readings, DateTimeOffset now, double halfLifeDays, double windowDays)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(halfLifeDays);
        var votes = new StageVotes();
        foreach (var reading in readings)
        {
            var age = (now - reading.At).TotalDays;
            if (age < 0 || age > windowDays || reading.Stages.Count == 0)
            {
                continue;
            }

            var share = Math.Pow(0.5, age / halfLifeDays) / reading.Stages.Count;
            foreach (var stage in reading.Stages)
            {
                votes._votes[(int)stage] += share;
            }
        }

        return votes;
    }

    /// <summary>The votes of several contacts together (an account's buying committee).</summary>
    public static StageVotes Sum(IEnumerable<StageVotes> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sum = new StageVotes();
        foreach (var part in parts)
        {
            for (var i = 0; i < StageCount; i++)
            {
                sum._votes[i] += part._votes[i];
            }
        }

        return sum;
    }

    /// <summary>
    /// The stage with the largest combined share: each side's votes as shares of its own total, added, so a
    /// contact's own reading counts as much as its whole account's however many colleagues it has. A side with no
    /// votes adds nothing. Ties go to the earlier stage (the one less likely to overstate progress). Null with no votes.
    /// </summary>
    public static JourneyStage? Leading(StageVotes own, StageVotes account)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(account);
        var (ownTotal, accountTotal) = (own.Total, account.Total);
        if (ownTotal <= 0 && accountTotal <= 0)
        {
            return null;
        }

        JourneyStage? best = null;
        var bestShare = double.NegativeInfinity;
        for (var i = 0; i < StageCount; i++)
        {
            var share = (ownTotal > 0 ? own._votes[i] / ownTotal : 0) + (accountTotal > 0 ? account._votes[i] / accountTotal : 0);
            if (share > bestShare)
            {
                (best, bestShare) = ((JourneyStage)i, share);
            }
        }

        return best;
    }
}
