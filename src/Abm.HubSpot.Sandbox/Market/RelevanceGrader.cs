namespace Abm.HubSpot.Sandbox.Market;

/// <summary>
/// The graded relevance (0..3) of a content item for a buyer at a moment, from the hidden truth alone. Points:
/// the buyer's main topic 3, another of its topics 1.5; the stage its account is in now 2; a preferred format 1;
/// aimed at its persona 1; aimed only at other industries -2 (the buyer cannot see itself in it). Labels: 3 from
/// 5 points, 2 from 3.5, 1 from 2.5; without any of its topics an item is at most 1, however well it is aimed.
/// </summary>
internal static class RelevanceGrader
{
    public const int MaxLabel = 3;

    public static int Grade(ContactProfile contact, AccountProfile account, MarketContentItem item, DateTimeOffset at) =>
        GradeAtStage(contact, account, account.StageAt(at), item);

    /// <summary>The label while the account is in <paramref name="stage"/>; the behaviour simulation caches these per stage.</summary>
    public static int GradeAtStage(ContactProfile contact, AccountProfile account, string stage, MarketContentItem item)
    {
        var topic = string.Equals(contact.Topics[0], item.Topic, StringComparison.Ordinal) ? 3
            : contact.Topics.Contains(item.Topic, StringComparer.Ordinal) ? 1.5
            : 0;
        var points = topic
            + (item.TargetJourneyStages.Contains(stage, StringComparer.Ordinal) ? 2 : 0)
            + (contact.PreferredFormats.Contains(item.ContentType, StringComparer.Ordinal) ? 1 : 0)
            + (item.TargetPersonas.Contains(contact.Persona, StringComparer.Ordinal) ? 1 : 0)
            - (item.TargetIndustries.Count > 0 && !item.TargetIndustries.Contains(account.Industry, StringComparer.Ordinal) ? 2 : 0);
        var label = points >= 5 ? 3 : points >= 3.5 ? 2 : points >= 2.5 ? 1 : 0;
        return topic > 0 ? label : Math.Min(label, 1);
    }
}
