using System.Runtime.CompilerServices;

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
    // Called a million times when a portal's buyers are first graded: compiled optimized at once rather than
    // waiting for tiered compilation, which a busy machine delays by seconds.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int GradeAtStage(ContactProfile contact, AccountProfile account, string stage, MarketContentItem item)
    {
        var topic = string.Equals(contact.Topics[0], item.Topic, StringComparison.Ordinal) ? 3
            : Has(contact.Topics, item.Topic) ? 1.5
            : 0;
        var points = topic
            + (Has(item.TargetJourneyStages, stage) ? 2 : 0)
            + (Has(contact.PreferredFormats, item.ContentType) ? 1 : 0)
            + (Has(item.TargetPersonas, contact.Persona) ? 1 : 0)
            - (item.TargetIndustries.Count > 0 && !Has(item.TargetIndustries, account.Industry) ? 2 : 0);
        var label = points >= 5 ? 3 : points >= 3.5 ? 2 : points >= 2.5 ? 1 : 0;
        return topic > 0 ? label : Math.Min(label, 1);
    }

    // The behaviour simulation grades the whole catalogue for every buyer; a plain loop avoids LINQ's enumerator per call.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Has(IReadOnlyList<string> values, string value)
    {
        if (values is string[] array)
        {
            return Array.IndexOf(array, value) >= 0;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
