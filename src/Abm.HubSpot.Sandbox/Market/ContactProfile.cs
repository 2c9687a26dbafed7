namespace Abm.HubSpot.Sandbox.Market;

/// <summary>
/// The hidden truth about one buyer: its persona, the topics it cares about (strongest first), the formats it
/// prefers and its own propensity to buy before the account's buying cycle is taken into account.
/// </summary>
internal sealed record ContactProfile(
    long ContactId,
    long CompanyId,
    string Persona,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> PreferredFormats,
    double BasePropensity)
{
    // Interest in buying swells as the account nears a decision and settles once it has bought.
    private static readonly double[] StageFactor = [0.4, 0.7, 1.0, 1.25, 0.5];

    public double PropensityAt(AccountProfile account, DateTimeOffset at) =>
        Math.Clamp(BasePropensity * StageFactor[(int)account.StagePositionAt(at)], 0, 1);
}
