namespace Abm.HubSpot.Sandbox.Market;

/// <summary>
/// The hidden truth about one target account. <paramref name="StageAtSeed"/> is a position on the journey
/// (0 = just aware of the problem, 3.x = finalizing) that grows by one every <paramref name="DaysPerStage"/>
/// simulated days; <paramref name="Momentum"/> is how keen the buying committee is as a group.
/// </summary>
internal sealed record AccountProfile(
    long CompanyId,
    string Industry,
    double Fit,
    double StageAtSeed,
    double DaysPerStage,
    double Momentum,
    IReadOnlyList<string> CommitteeTopics,
    DateTimeOffset SeededAt)
{
    // Reaching post-purchase expansion takes a won deal, which the behaviour simulation decides, not time alone.
    private const double LastStageBeforePurchase = 3.999;
    private const double PostPurchase = 4;

    /// <summary>
    /// When the behaviour simulation closed a deal won with this account; from then on it is a customer in
    /// post-purchase expansion. Set only under the portal's lock.
    /// </summary>
    public DateTimeOffset? PurchasedAt { get; set; }

    public double StagePositionAt(DateTimeOffset at)
    {
        if (StageAtSeed >= 4)
        {
            return StageAtSeed;
        }

        if (PurchasedAt is { } purchased && at >= purchased)
        {
            return PostPurchase;
        }

        var elapsedDays = Math.Max(0, (at - SeededAt).TotalDays);
        return Math.Min(LastStageBeforePurchase, StageAtSeed + (elapsedDays / DaysPerStage));
    }

    public string StageAt(DateTimeOffset at) => MarketVocabulary.JourneyStages[(int)StagePositionAt(at)];
}
