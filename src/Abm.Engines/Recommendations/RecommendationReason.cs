using Abm.Engines.Content;

namespace Abm.Engines.Recommendations;

/// <summary>
/// Writes the one-line reason of a recommendation from its two largest factor contributions, as a colleague would
/// note it; when the contact's own reading drove the pick, the note says what it read.
/// </summary>
internal static class RecommendationReason
{
    /// <summary>
    /// What the contact did that makes the item fit: the item's topic it read most (when it came back to it at least
    /// twice), else the item's format when it is the one the contact reads most; null when neither holds.
    /// </summary>
    public static string? Behaviour(PreparedLibrary library, int item, ContactContext contact)
    {
        var topTag = library.Tags[item].OrderByDescending(tag => contact.TagReads[tag]).ThenBy(tag => tag).Cast<int?>().FirstOrDefault();
        if (topTag is { } tag && contact.TagReads[tag] >= 2)
        {
            var name = library.TagIds.Single(t => t.Value == tag).Key;
            return $"they have read {contact.TagReads[tag]} items on {Words(name)}";
        }

        var type = library.Items[item].Type;
        return contact.Affinity[(int)type] >= 1 ? $"{Plural(type)} are what they read most" : null;
    }

    public static string Describe(ContentItem item, FactorContributions contributions, ContactProfile contact, string? behaviour)
    {
        (double Value, string Text)[] factors =
        [
            (contributions.Industry, contact.Industry is { } industry && item.TargetIndustries.Contains(industry, StringComparer.OrdinalIgnoreCase)
                ? $"it is written for {Words(industry.Trim())}" : "it works for any industry"),
            (contributions.Persona, item.TargetPersonas.Contains(contact.Persona)
                ? $"it is aimed at {Words(contact.Persona.ToWireName())}s like them" : "it suits a broad audience"),
            (contributions.Stage, item.TargetStages.Contains(contact.Stage)
                ? $"it fits the {Words(contact.Stage.ToWireName())} stage they are in" : $"it is one step from the {Words(contact.Stage.ToWireName())} stage they are in"),
            (contributions.EngagementHistory, behaviour ?? "it is close to what they have been reading"),
            (contributions.Freshness, "it is recent"),
            (contributions.Performance, "other readers engage with it well"),
        ];

        // Stable order by contribution: equal contributions keep the factor order above. The contact's own reading,
        // when it is among the two, comes first: it is what a colleague would mention first.
        var top = factors.Select((f, order) => (f.Text, f.Value, Order: order)).OrderByDescending(f => f.Value).Take(2).ToList();
        if (behaviour is not null && top[1].Order == 3)
        {
            top.Reverse();
        }

        return $"{Label(item.Type)}: {top[0].Text}, and {top[1].Text}.";
    }

    /// <summary>The reason of a pick by popularity: how many contacts engaged with the item.</summary>
    public static string Popular(ContentItem item, int contacts) => contacts switch
    {
        0 => $"{Label(item.Type)}: nobody has engaged with it yet, and it is among what is left to read.",
        1 => $"{Label(item.Type)}: one of the most read, 1 contact engaged with it.",
        _ => $"{Label(item.Type)}: one of the most read, {contacts} contacts engaged with it.",
    };

    private static string Words(string wireName) => wireName.Replace('_', ' ');

    private static string Plural(ContentType type)
    {
        var name = type == ContentType.RoiCalculator ? "ROI calculator" : Words(type.ToWireName());
        return name.EndsWith('y') ? $"{name[..^1]}ies" : $"{name}s";
    }

    private static string Label(ContentType type) => type switch
    {
        ContentType.RoiCalculator => "ROI calculator",
        _ => string.Concat(type.ToWireName()[..1].ToUpperInvariant(), Words(type.ToWireName()[1..])),
    };
}
