namespace Abm.HubSpot.Sandbox.Market;

/// <summary>Title patterns per content type, filled with a topic, an outcome, an industry (B2B for cross-industry items) and an audience.</summary>
internal static class ContentTitles
{
    private static readonly Dictionary<string, string[]> Patterns = new(StringComparer.Ordinal)
    {
        ["whitepaper"] = ["The {topic} Playbook for {industry}", "{topic} in {industry}: A Practical Framework", "Beyond the Hype: {topic} for {audience}", "How to {outcome}: A {topic} Guide"],
        ["case_study"] = ["How a {industry} Leader Used {topic} to {outcome}", "{topic} at Scale: A {industry} Story", "From Pilot to Rollout: {topic} in {industry}", "Why {audience} at a {industry} Firm Chose Us for {topic}"],
        ["roi_calculator"] = ["{topic} ROI Calculator for {industry}", "What Would It Be Worth to {outcome}?", "Estimate Your {topic} Payback Period", "{topic} Business Case Builder for {audience}"],
        ["demo_video"] = ["{topic} in 10 Minutes: Product Walkthrough", "See How Teams {outcome}: Live Demo", "{topic} for {audience}: Guided Tour", "Setting Up {topic} for {industry}"],
        ["webinar"] = ["Ask the Experts: {topic} in {industry}", "{audience} Roundtable: How to {outcome}", "{topic} Trends for the Year Ahead", "Live Q&A: {topic} Lessons from {industry}"],
        ["blog_post"] = ["5 Signs You Need Better {topic}", "Why {industry} Teams Struggle to {outcome}", "{topic} Mistakes {audience} Still Make", "What We Learned About {topic} This Quarter"],
        ["datasheet"] = ["{topic} Module Datasheet", "{topic} for {industry}: Specifications", "Security and Integration Facts: {topic}", "{topic} Editions and Limits at a Glance"],
    };

    private static readonly Dictionary<string, string> IndustryNames = new(StringComparer.Ordinal)
    {
        ["technology"] = "Technology",
        ["financial_services"] = "Financial Services",
        ["healthcare"] = "Healthcare",
        ["manufacturing"] = "Manufacturing",
        ["retail"] = "Retail",
    };

    private static readonly Dictionary<string, string> Audiences = new(StringComparer.Ordinal)
    {
        ["c_suite_executive"] = "Executives",
        ["technical_director"] = "Technical Leaders",
        ["operations_manager"] = "Operations Teams",
        ["financial_decision_maker"] = "Finance Leaders",
    };

    public static string Compose(Random random, string contentType, MarketTopic topic, string? industry, string persona)
    {
        var patterns = Patterns[contentType];
        return patterns[random.Next(patterns.Length)]
            .Replace("{topic}", topic.Name, StringComparison.Ordinal)
            .Replace("{outcome}", topic.Outcome, StringComparison.Ordinal)
            .Replace("{industry}", industry is null ? "B2B" : IndustryNames[industry], StringComparison.Ordinal)
            .Replace("{audience}", Audiences[persona], StringComparison.Ordinal);
    }
}
