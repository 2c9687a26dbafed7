using Abm.Engines.Content;

namespace Abm.Engines.Recommendations;

/// <summary>Writes the one-line reason of a recommendation from its two largest factor contributions.</summary>
internal static class RecommendationReason
{
    public static string Describe(ContentItem item, FactorContributions contributions, ContactProfile contact)
    {
        (double Value, string Text)[] factors =
        [
            (contributions.Industry, contact.Industry is { } industry && item.TargetIndustries.Contains(industry, StringComparer.OrdinalIgnoreCase)
                ? $"it is written for the {industry.Trim()} industry" : "it suits any industry"),
            (contributions.Persona, item.TargetPersonas.Contains(contact.Persona)
                ? $"it speaks to the {Words(contact.Persona.ToWireName())} persona" : "it suits a broad audience"),
            (contributions.Stage, item.TargetStages.Contains(contact.Stage)
                ? $"it fits the {Words(contact.Stage.ToWireName())} stage" : $"it is close to the {Words(contact.Stage.ToWireName())} stage"),
            (contributions.EngagementHistory, "it matches formats and topics the contact engages with"),
            (contributions.Freshness, "it was published recently"),
            (contributions.Performance, "it performs well with other readers"),
        ];

        // Stable order by contribution: equal contributions keep the factor order above.
        var top = factors.OrderByDescending(f => f.Value).Take(2).Select(f => f.Text).ToArray();
        return $"{Label(item.Type)} recommended because {top[0]} and {top[1]}.";
    }

    private static string Words(string wireName) => wireName.Replace('_', ' ');

    private static string Label(ContentType type) => type switch
    {
        ContentType.RoiCalculator => "ROI calculator",
        _ => string.Concat(type.ToWireName()[..1].ToUpperInvariant(), Words(type.ToWireName()[1..])),
    };
}
