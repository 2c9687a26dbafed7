namespace Abm.Engines.Leads;

/// <summary>
/// What is known of a lead when it is scored: the contact, its company and its history. Unknown values are
/// null or empty; the scorer names them as missing rather than guessing.
/// </summary>
/// <param name="JobTitle">The contact's job title.</param>
/// <param name="Persona">The contact's persona wire name (e.g. <c>c_suite_executive</c>), or null.</param>
/// <param name="Industry">The company's industry vertical, lower case.</param>
/// <param name="Employees">The company's employee count.</param>
/// <param name="AnnualRevenue">The company's annual revenue.</param>
/// <param name="Country">The company's (or else the contact's) country, lower case.</param>
/// <param name="Technologies">Technologies the company uses, lower case.</param>
/// <param name="LargestDealAmount">The largest amount among the lead's deals: the budget it has shown.</param>
/// <param name="EngagementScore">The contact's engagement score, 0..100.</param>
/// <param name="OpenDeals">Deals still open.</param>
/// <param name="WonDeals">Deals closed won.</param>
public sealed record LeadFacts(
    string? JobTitle,
    string? Persona,
    string? Industry,
    int? Employees,
    decimal? AnnualRevenue,
    string? Country,
    IReadOnlyList<string> Technologies,
    decimal? LargestDealAmount,
    double EngagementScore,
    int OpenDeals,
    int WonDeals)
{
    /// <summary>A lead of which nothing is known.</summary>
    public static LeadFacts Empty { get; } = new(null, null, null, null, null, null, [], null, 0, 0, 0);
}
