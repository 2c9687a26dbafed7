namespace Abm.Engines.Recommendations;

/// <summary>The six relevance factors (each 0..1) of docs/scoring.md, section 7, and their weighting.</summary>
internal static class RelevanceFactors
{
    /// <summary>Score for a target list that is empty or a contact attribute that is unknown: neither a match nor a miss.</summary>
    public const double Neutral = 0.5;

    public static FactorContributions Contributions(PreparedLibrary library, int item, ContactContext contact, RelevanceWeights weights) =>
        new(
            weights.Industry * Industry(library.Industries[item], contact),
            weights.Persona * Persona(library.PersonaMasks[item], contact),
            weights.Stage * Stage(library.StageMasks[item], contact),
            weights.EngagementHistory * EngagementHistory(library, item, contact),
            weights.Freshness * library.Freshness[item],
            weights.Performance * library.Performance[item]);

    public static double Industry(int[] targets, ContactContext contact) =>
        targets.Length == 0 || !contact.HasIndustry ? Neutral
        : Array.IndexOf(targets, contact.IndustryId) >= 0 ? 1
        : 0;

    public static double Persona(int targetMask, ContactContext contact) =>
        targetMask == 0 || !contact.HasPersona ? Neutral
        : (targetMask & contact.PersonaBit) != 0 ? 1
        : 0;

    /// <summary>Exact stage 1; the stage just before or after 0.5, since content one step ahead pulls the buyer forward.</summary>
    public static double Stage(int targetMask, ContactContext contact)
    {
        if (targetMask == 0)
        {
            return Neutral;
        }

        var stage = (int)contact.Stage;
        if ((targetMask & (1 << stage)) != 0)
        {
            return 1;
        }

        var adjacent = (stage > 0 ? 1 << (stage - 1) : 0) | (1 << (stage + 1));
        return (targetMask & adjacent) != 0 ? 0.5 : 0;
    }

    /// <summary>Half the contact's relative affinity for the item's format, half its mean relative affinity for the item's tags.</summary>
    public static double EngagementHistory(PreparedLibrary library, int item, ContactContext contact)
    {
        var tags = library.Tags[item];
        var tagAffinity = 0.0;
        foreach (var tag in tags)
        {
            tagAffinity += contact.TagAffinity[tag];
        }

        var topicAffinity = tags.Length == 0 ? 0 : tagAffinity / tags.Length;
        return (0.5 * contact.Affinity[(int)library.Types[item]]) + (0.5 * topicAffinity);
    }
}
