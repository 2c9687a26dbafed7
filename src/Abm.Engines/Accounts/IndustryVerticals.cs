using System.Collections.Frozen;

namespace Abm.Engines.Accounts;

/// <summary>
/// Maps HubSpot's company <c>industry</c> values (an enumeration of about 150 sectors) onto the five target
/// verticals the content library and recommender speak of. A sector outside them keeps its own name in
/// lower case, so a workspace that adds a vertical (say <c>education</c>) can still match it.
/// </summary>
public static class IndustryVerticals
{
    private static readonly FrozenDictionary<string, string> VerticalBySector = new Dictionary<string, string[]>
    {
        ["technology"] =
        [
            "COMPUTER_SOFTWARE", "INFORMATION_TECHNOLOGY_AND_SERVICES", "INTERNET", "COMPUTER_HARDWARE", "COMPUTER_NETWORKING",
            "COMPUTER_NETWORK_SECURITY", "COMPUTER_GAMES", "SEMICONDUCTORS", "TELECOMMUNICATIONS", "WIRELESS", "INFORMATION_SERVICES",
        ],
        ["financial_services"] =
        [
            "FINANCIAL_SERVICES", "BANKING", "INSURANCE", "INVESTMENT_MANAGEMENT", "INVESTMENT_BANKING", "CAPITAL_MARKETS",
            "VENTURE_CAPITAL_PRIVATE_EQUITY", "ACCOUNTING",
        ],
        ["healthcare"] =
        [
            "HOSPITAL_HEALTH_CARE", "MEDICAL_DEVICES", "MEDICAL_PRACTICE", "PHARMACEUTICALS", "BIOTECHNOLOGY", "HEALTH_WELLNESS_AND_FITNESS",
            "MENTAL_HEALTH_CARE", "VETERINARY",
        ],
        ["manufacturing"] =
        [
            "INDUSTRIAL_AUTOMATION", "MACHINERY", "AUTOMOTIVE", "ELECTRICAL_ELECTRONIC_MANUFACTURING", "MECHANICAL_OR_INDUSTRIAL_ENGINEERING",
            "CHEMICALS", "PLASTICS", "PAPER_FOREST_PRODUCTS", "AVIATION_AEROSPACE", "DEFENSE_SPACE", "SHIPBUILDING", "TEXTILES", "MINING_METALS",
        ],
        ["retail"] =
        [
            "RETAIL", "CONSUMER_GOODS", "CONSUMER_ELECTRONICS", "APPAREL_FASHION", "SUPERMARKETS", "WHOLESALE", "LUXURY_GOODS_JEWELRY",
            "SPORTING_GOODS", "FOOD_BEVERAGES", "COSMETICS",
        ],
    }.SelectMany(vertical => vertical.Value.Select(sector => (Sector: sector, Vertical: vertical.Key)))
        .ToFrozenDictionary(p => p.Sector, p => p.Vertical, StringComparer.OrdinalIgnoreCase);

    /// <summary>The vertical of a HubSpot industry value; null for no value.</summary>
    public static string? FromHubSpotIndustry(string? industry)
    {
        if (string.IsNullOrWhiteSpace(industry))
        {
            return null;
        }

        var sector = industry.Trim();
        return VerticalBySector.TryGetValue(sector, out var vertical) ? vertical : sector.ToLowerInvariant();
    }
}
