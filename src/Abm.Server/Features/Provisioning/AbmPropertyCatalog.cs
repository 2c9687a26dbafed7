using Abm.Engines;
using Abm.Engines.Content;
using Abm.Engines.Journey;
using Abm.Engines.Personas;
using Abm.HubSpot.Properties;

namespace Abm.Server.Features.Provisioning;

/// <summary>The custom HubSpot properties ABM Engine writes, all in one group.</summary>
internal static class AbmPropertyCatalog
{
    public static readonly PropertyGroup Group = new("abm_engine", "ABM Engine");

    public static IReadOnlyList<PropertyDefinition> Contacts { get; } =
    [
        Choice("abm_journey_stage", "ABM journey stage", Enum.GetValues<JourneyStage>().Select(s => s.ToWireName())),
        Choice("abm_persona_classification", "ABM persona", Enum.GetValues<Persona>().Select(p => p.ToWireName())),
        Number("abm_content_engagement_score", "ABM content engagement score"),
        Moment("abm_last_content_interaction", "ABM last content interaction"),
        Choice("abm_preferred_content_format", "ABM preferred content format", Enum.GetValues<ContentType>().Select(t => t.ToWireName())),
        Number("ai_lead_score", "AI lead score"),
        Choice("ai_lead_fit", "AI lead fit", ["High", "Medium", "Low"]),
        Choice("ai_next_best_action", "AI next best action", ["Call", "Email", "Nurture"]),
        Moment("ai_last_scored", "AI last scored"),
    ];

    public static IReadOnlyList<PropertyDefinition> Companies { get; } =
    [
        Choice("abm_account_tier", "ABM account tier", ["tier_1", "tier_2", "tier_3"]),
        // Industries are edited per workspace, so the vertical is free text rather than a fixed list.
        new PropertyDefinition { Name = "abm_industry_vertical", Label = "ABM industry vertical", Type = "string", FieldType = "text", GroupName = Group.Name },
        Number("abm_engagement_velocity", "ABM engagement velocity"),
    ];

    private static PropertyDefinition Number(string name, string label) =>
        new() { Name = name, Label = label, Type = "number", FieldType = "number", GroupName = Group.Name };

    private static PropertyDefinition Moment(string name, string label) =>
        new() { Name = name, Label = label, Type = "datetime", FieldType = "date", GroupName = Group.Name };

    private static PropertyDefinition Choice(string name, string label, IEnumerable<string> values) => new()
    {
        Name = name, Label = label, Type = "enumeration", FieldType = "select", GroupName = Group.Name,
        Options = values.Select(v => new PropertyOption(v, v)).ToList(),
    };
}
