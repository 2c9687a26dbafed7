namespace Abm.HubSpot.Sandbox.Market;

/// <summary>A subject the content speaks about and buyers care about: a slug for the catalogue and phrases for titles.</summary>
internal sealed record MarketTopic(string Slug, string Name, string Outcome)
{
    public static readonly MarketTopic[] All =
    [
        new("revenue_operations", "Revenue Operations", "Align Sales and Marketing"),
        new("data_integration", "Data Integration", "Unify Customer Data"),
        new("security_compliance", "Security and Compliance", "Pass Audits Faster"),
        new("cloud_migration", "Cloud Migration", "Retire Legacy Systems"),
        new("ai_automation", "AI Automation", "Automate Manual Work"),
        new("analytics_reporting", "Analytics and Reporting", "Trust Your Numbers"),
        new("customer_experience", "Customer Experience", "Raise Retention"),
        new("cost_optimization", "Cost Optimization", "Cut Operating Costs"),
        new("supply_chain", "Supply Chain Visibility", "Prevent Stockouts"),
        new("workflow_efficiency", "Workflow Efficiency", "Ship Work Faster"),
        new("risk_management", "Risk Management", "Reduce Exposure"),
        new("digital_transformation", "Digital Transformation", "Modernize Operations"),
    ];
}
