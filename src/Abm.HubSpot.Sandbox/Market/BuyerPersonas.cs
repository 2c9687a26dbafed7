using Abm.HubSpot.Sandbox.Seeding;

namespace Abm.HubSpot.Sandbox.Market;

/// <summary>
/// How each persona tends to learn: the formats it favours and the topics it leans to. A seeded contact's persona
/// follows from its job title, which the seeder drew from one persona's titles.
/// </summary>
internal static class BuyerPersonas
{
    // One persona per seeded persona, in SeedPersona.Defaults order; end users read like operations staff.
    private static readonly string[] BySeedPersona = ["c_suite_executive", "technical_director", "operations_manager", "financial_decision_maker", "operations_manager"];

    private static readonly Dictionary<string, string> ByJobTitle = SeedPersona.Defaults
        .SelectMany((persona, index) => persona.JobTitles.Select(title => (title, persona: BySeedPersona[index])))
        .ToDictionary(p => p.title, p => p.persona, StringComparer.Ordinal);

    public static readonly Dictionary<string, string[]> FavouriteFormats = new(StringComparer.Ordinal)
    {
        ["c_suite_executive"] = ["case_study", "roi_calculator", "webinar"],
        ["technical_director"] = ["whitepaper", "demo_video", "datasheet"],
        ["operations_manager"] = ["case_study", "demo_video", "blog_post"],
        ["financial_decision_maker"] = ["roi_calculator", "case_study", "datasheet"],
    };

    public static readonly Dictionary<string, string[]> LeaningTopics = new(StringComparer.Ordinal)
    {
        ["c_suite_executive"] = ["revenue_operations", "digital_transformation", "risk_management", "customer_experience"],
        ["technical_director"] = ["data_integration", "security_compliance", "cloud_migration", "ai_automation"],
        ["operations_manager"] = ["workflow_efficiency", "supply_chain", "analytics_reporting", "ai_automation"],
        ["financial_decision_maker"] = ["cost_optimization", "risk_management", "analytics_reporting", "revenue_operations"],
    };

    public static string FromJobTitle(string? jobTitle) =>
        jobTitle is not null && ByJobTitle.TryGetValue(jobTitle, out var persona) ? persona : "operations_manager";
}
