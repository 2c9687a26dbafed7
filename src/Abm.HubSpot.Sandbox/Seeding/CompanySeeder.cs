using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Properties;

namespace Abm.HubSpot.Sandbox.Seeding;

/// <summary>Creates one target account with plausible firmographics.</summary>
internal static class CompanySeeder
{
    private static readonly (int Min, int Max)[] SizeBands = [(10, 50), (51, 200), (201, 1000), (1001, 5000), (5001, 20000)];

    private static readonly string[] CompanyStages = ["lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer"];

    public static CrmRecord Seed(SeedContext context)
    {
        var random = context.Random;
        var industry = context.Pick(SeedIndustry.Defaults);
        var (name, domain) = UniqueName(context, industry);
        var band = SizeBands[random.Next(SizeBands.Length)];
        var employees = random.Next(band.Min, band.Max + 1);
        var revenue = decimal.Round(employees * industry.RevenuePerEmployee * (decimal)(0.6 + (random.NextDouble() * 0.8)) / 1000m) * 1000m;
        var countryIndex = random.Next(SeedVocabulary.Countries.Length);
        var tier = employees > 1000 ? "tier_1" : employees > 200 ? "tier_2" : "tier_3";
        var stack = DefaultPropertyCatalog.TechStack.OrderBy(_ => random.Next()).Take(random.Next(2, 6));
        var properties = new Dictionary<string, string?>
        {
            ["name"] = name,
            ["domain"] = domain,
            ["website"] = $"https://www.{domain}",
            ["industry"] = industry.HubSpotIndustry,
            ["numberofemployees"] = employees.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["annualrevenue"] = SeedContext.Number(revenue),
            ["country"] = SeedVocabulary.Countries[countryIndex],
            ["city"] = context.Pick(SeedVocabulary.CitiesByCountry[countryIndex]),
            ["web_technologies"] = string.Join(';', stack),
            ["hs_ideal_customer_profile"] = tier,
            ["hs_is_target_account"] = "true",
            ["lifecyclestage"] = context.Pick(CompanyStages),
            ["hubspot_owner_id"] = context.OwnerId(),
        };
        return CrmRecordFactory.Insert(context.State, CrmObjectTypes.Companies, context.PastTime(720), properties);
    }

    private static (string Name, string Domain) UniqueName(SeedContext context, SeedIndustry industry)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stem = context.Pick(SeedVocabulary.CompanyPrefixes) + context.Pick(SeedVocabulary.CompanyStems);
            var suffix = context.Pick(industry.NameSuffixes);
            var name = attempt < 20 ? $"{stem} {suffix}" : $"{stem} {suffix} {attempt}";
            var domain = $"{stem}{suffix}{(attempt < 20 ? "" : attempt)}.example.com".ToLowerInvariant();
            if (context.UsedDomains.Add(domain))
            {
                return (name, domain);
            }
        }
    }
}
