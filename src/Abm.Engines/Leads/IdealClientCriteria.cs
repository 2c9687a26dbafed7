namespace Abm.Engines.Leads;

/// <summary>
/// One set of ideal-client criteria (a line of the profile): what an ideal client looks like. Lists are
/// lower-case values (an empty list or an open range means the profile does not care about that criterion).
/// </summary>
/// <param name="Industries">Industry verticals, e.g. <c>technology</c>.</param>
/// <param name="Employees">Company size in employees.</param>
/// <param name="Revenue">Annual revenue range.</param>
/// <param name="Countries">Country names or codes, lower case.</param>
/// <param name="Technologies">Technologies an ideal client uses, lower case.</param>
/// <param name="Budget">The budget an ideal client spends (compared with the lead's deal amounts).</param>
public sealed record IdealClientCriteria(
    IReadOnlyList<string> Industries,
    ValueRange Employees,
    ValueRange Revenue,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Technologies,
    ValueRange Budget);

/// <summary>An inclusive range; a missing bound is open.</summary>
public readonly record struct ValueRange(decimal? Min, decimal? Max)
{
    /// <summary>A range with no bounds: the criterion is not part of the profile.</summary>
    public static ValueRange Any => default;

    /// <summary>Whether the range names any bound.</summary>
    public bool IsSet => Min is not null || Max is not null;

    /// <summary>Whether the value lies in the range (bounds included).</summary>
    public bool Contains(decimal value) => (Min is null || value >= Min) && (Max is null || value <= Max);

    /// <summary>
    /// Whether the value is near the range: no further than half the lower bound below it or the upper bound
    /// above it (a 150-person company is near 200-1000, a 2,000-person one is near 200-1000 too).
    /// </summary>
    public bool IsNear(decimal value) => (Min is null || value >= Min / 2) && (Max is null || value <= Max * 2);

    /// <inheritdoc />
    public override string ToString() => (Min, Max) switch
    {
        (null, null) => "any",
        ({ } min, null) => $"{min:N0}+",
        (null, { } max) => $"up to {max:N0}",
        ({ } min, { } max) => $"{min:N0}-{max:N0}",
    };
}
