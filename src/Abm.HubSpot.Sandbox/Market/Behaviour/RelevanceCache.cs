using System.Runtime.CompilerServices;

namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>
/// The items a buyer finds relevant, by label, for each stage its account passes through. Grading the whole
/// catalogue for every visit would cost hundreds of comparisons per event; a stage lasts weeks, so each buyer's
/// lists are built once per stage and every later pick is O(1).
/// </summary>
internal sealed class RelevanceCache(IReadOnlyList<MarketContentItem> catalogue)
{
    private readonly Dictionary<(long ContactId, string Stage), MarketContentItem[][]> _lists = [];

    public IReadOnlyList<MarketContentItem> Catalogue => catalogue;

    /// <summary>The items labelled 0..3 for the buyer while its account is in <paramref name="stage"/>, indexed by label.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public MarketContentItem[][] ByLabel(ContactProfile contact, AccountProfile account, string stage)
    {
        if (_lists.TryGetValue((contact.ContactId, stage), out var lists))
        {
            return lists;
        }

        var buckets = Enumerable.Range(0, RelevanceGrader.MaxLabel + 1).Select(_ => new List<MarketContentItem>()).ToArray();
        foreach (var item in catalogue)
        {
            buckets[RelevanceGrader.GradeAtStage(contact, account, stage, item)].Add(item);
        }

        lists = buckets.Select(b => b.ToArray()).ToArray();
        _lists[(contact.ContactId, stage)] = lists;
        return lists;
    }

    /// <summary>
    /// An item a buyer chooses to look at: mostly what matters to it, sometimes anything. Falls back to a lower
    /// label when the buyer has nothing at the chosen one.
    /// </summary>
    public MarketContentItem Pick(MarketContentItem[][] byLabel, Random random)
    {
        var roll = random.NextDouble();
        var label = roll < 0.45 ? 3 : roll < 0.75 ? 2 : roll < 0.9 ? 1 : -1;
        for (; label > 0; label--)
        {
            if (byLabel[label].Length > 0)
            {
                return byLabel[label][random.Next(byLabel[label].Length)];
            }
        }

        return catalogue[random.Next(catalogue.Count)];
    }
}
