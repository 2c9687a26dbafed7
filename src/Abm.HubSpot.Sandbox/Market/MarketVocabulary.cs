using Abm.HubSpot.Sandbox.Seeding;

namespace Abm.HubSpot.Sandbox.Market;

/// <summary>
/// The names ABM Engine uses for content types, journey stages, personas and industries. They are written
/// here again, not shared, because the sandbox references nothing of ours; the CSV import rejects any other value.
/// </summary>
internal static class MarketVocabulary
{
    public static readonly string[] ContentTypes = ["whitepaper", "case_study", "roi_calculator", "demo_video", "webinar", "blog_post", "datasheet"];

    /// <summary>In buying order: an account moves from the first towards the last.</summary>
    public static readonly string[] JourneyStages = ["problem_awareness", "solution_exploration", "vendor_evaluation", "decision_finalization", "post_purchase_expansion"];

    public static readonly string[] Personas = ["c_suite_executive", "technical_director", "operations_manager", "financial_decision_maker"];

    public static readonly string[] Complexities = ["basic", "intermediate", "advanced"];

    /// <summary>The seeded companies' industries, as the slugs the engine's workspaces use.</summary>
    public static readonly string[] Industries = SeedIndustry.Defaults.Select(i => i.Key).ToArray();

    public static int StageIndex(string stage) => Array.IndexOf(JourneyStages, stage);
}
