namespace Abm.HubSpot.Sandbox.Seeding;

/// <summary>One of the five default target sectors, with the HubSpot industry value and a company-name suffix pool.</summary>
internal sealed record SeedIndustry(string Key, string HubSpotIndustry, string[] NameSuffixes, decimal RevenuePerEmployee)
{
    public static readonly SeedIndustry[] Defaults =
    [
        new("technology", "COMPUTER_SOFTWARE", ["Software", "Systems", "Analytics", "Labs", "Cloud"], 250_000m),
        new("financial_services", "FINANCIAL_SERVICES", ["Capital", "Financial", "Partners", "Bank", "Insurance"], 400_000m),
        new("healthcare", "HOSPITAL_HEALTH_CARE", ["Health", "Medical", "Care", "Clinics", "Biotech"], 150_000m),
        new("manufacturing", "INDUSTRIAL_AUTOMATION", ["Industries", "Manufacturing", "Robotics", "Materials", "Engineering"], 200_000m),
        new("retail", "RETAIL", ["Retail", "Brands", "Stores", "Commerce", "Outfitters"], 180_000m),
    ];
}
