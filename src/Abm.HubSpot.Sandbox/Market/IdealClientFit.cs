using System.Globalization;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Seeding;

namespace Abm.HubSpot.Sandbox.Market;

/// <summary>
/// How well an account fits the ideal client, 0..1: mostly its visible firmographics (industry, size, tech
/// stack), plus noise, so a fit model trained on the firmographics can come close to the truth but never reach it.
/// </summary>
internal static class IdealClientFit
{
    public const double NoiseDeviation = 0.08;

    private static readonly Dictionary<string, double> IndustryFit = new(StringComparer.Ordinal)
    {
        ["technology"] = 0.9,
        ["financial_services"] = 0.8,
        ["healthcare"] = 0.65,
        ["manufacturing"] = 0.55,
        ["retail"] = 0.45,
    };

    // Tools whose users integrate with the product easily.
    private static readonly HashSet<string> IdealStack = new(StringComparer.Ordinal) { "hubspot", "salesforce", "snowflake", "aws", "slack" };

    public static double Compute(CrmRecord company, Random random)
    {
        var industry = IndustryOf(company);
        var employees = int.TryParse(company.Get("numberofemployees"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 0;
        var stack = (company.Get("web_technologies") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);
        var stackFit = Math.Min(1, stack.Count(IdealStack.Contains) / 3.0);
        var visible = (0.4 * IndustryFit.GetValueOrDefault(industry, 0.5)) + (0.35 * SizeFit(employees)) + (0.25 * stackFit);
        return Math.Round(Math.Clamp(visible + (NoiseDeviation * StandardNormal(random)), 0, 1), 3);
    }

    /// <summary>The industry slug of a company, from its HubSpot industry value.</summary>
    public static string IndustryOf(CrmRecord company) =>
        SeedIndustry.Defaults.FirstOrDefault(i => string.Equals(i.HubSpotIndustry, company.Get("industry"), StringComparison.Ordinal))?.Key ?? "technology";

    // Mid-market and larger accounts buy the product; very small ones rarely have the need or the budget.
    private static double SizeFit(int employees) => employees switch
    {
        <= 50 => 0.3,
        <= 200 => 0.7,
        <= 5000 => 1.0,
        _ => 0.8,
    };

    // Box-Muller: a normal draw from two uniform ones.
    private static double StandardNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
