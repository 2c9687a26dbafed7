using Abm.Engines.Accounts;

namespace Abm.Server.Features.Leads;

/// <summary>The industries a profile may name: the five default verticals, or any HubSpot industry (mapped to its vertical).</summary>
internal static class IcpVocabulary
{
    public static readonly IReadOnlyList<string> DefaultIndustries = ["technology", "financial_services", "healthcare", "manufacturing", "retail"];

    public static bool IsIndustry(string value) => DefaultIndustries.Contains(IndustryOf(value));

    /// <summary>The vertical of a value written as a vertical (<c>Financial Services</c>) or a HubSpot industry (<c>BANKING</c>).</summary>
    public static string IndustryOf(string value)
    {
        var slug = value.Trim().ToLowerInvariant().Replace(' ', '_');
        return DefaultIndustries.Contains(slug) ? slug : IndustryVerticals.FromHubSpotIndustry(slug.ToUpperInvariant()) ?? slug;
    }
}
