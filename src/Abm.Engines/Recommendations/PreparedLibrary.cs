using System.Collections.Frozen;
using Abm.Engines.Content;

namespace Abm.Engines.Recommendations;

/// <summary>
/// Per-item features computed once per library version and instant: interned industries and tags, persona
/// and stage bit masks, freshness and performance. Recommending for a contact then touches only numbers.
/// </summary>
internal sealed class PreparedLibrary
{
    public PreparedLibrary(IReadOnlyList<ContentItem> library, DateTimeOffset now, RecommenderSettings settings)
    {
        // Sorting by id makes equal scores rank the same way on every run and every machine.
        Items = [.. library.Where(i => i.PublishedAt <= now).OrderBy(i => i.Id, StringComparer.Ordinal)];
        IndexById = Items.Select((item, index) => (item.Id, index)).ToFrozenDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
        IndustryIds = Intern(Items.SelectMany(i => i.TargetIndustries));
        TagIds = Intern(Items.SelectMany(i => i.Tags));
        Industries = [.. Items.Select(i => i.TargetIndustries.Select(name => IndustryIds[name]).Distinct().ToArray())];
        Tags = [.. Items.Select(i => i.Tags.Select(name => TagIds[name]).Distinct().ToArray())];
        PersonaMasks = [.. Items.Select(i => i.TargetPersonas.Aggregate(0, (mask, p) => mask | (1 << (int)p)))];
        StageMasks = [.. Items.Select(i => i.TargetStages.Aggregate(0, (mask, s) => mask | (1 << (int)s)))];
        Types = [.. Items.Select(i => i.Type)];
        Freshness = [.. Items.Select(i => Math.Pow(0.5, (now - i.PublishedAt).TotalDays / settings.FreshnessHalfLifeDays))];
        Performance = PerformanceFactors(Items);
    }

    public ContentItem[] Items { get; }

    public FrozenDictionary<string, int> IndexById { get; }

    public FrozenDictionary<string, int> IndustryIds { get; }

    public FrozenDictionary<string, int> TagIds { get; }

    public int[][] Industries { get; }

    public int[][] Tags { get; }

    public int[] PersonaMasks { get; }

    public int[] StageMasks { get; }

    public ContentType[] Types { get; }

    public double[] Freshness { get; }

    public double[] Performance { get; }

    private static FrozenDictionary<string, int> Intern(IEnumerable<string> names) =>
        names.Distinct(StringComparer.OrdinalIgnoreCase)
            .Select((name, id) => (name, id))
            .ToFrozenDictionary(p => p.name, p => p.id, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// 0.4 engagement + 0.4 conversion + 0.2 completion, each rate relative to the best item in the library, so a
    /// 4 % conversion rate counts as strong when it is the library's best rather than as a near-zero fraction.
    /// </summary>
    private static double[] PerformanceFactors(ContentItem[] items)
    {
        foreach (var item in items)
        {
            item.Performance.Validate();
        }

        var maxEngagement = items.Select(i => i.Performance.EngagementRate).DefaultIfEmpty().Max();
        var maxConversion = items.Select(i => i.Performance.ConversionRate).DefaultIfEmpty().Max();
        var maxCompletion = items.Select(i => i.Performance.CompletionRate).DefaultIfEmpty().Max();
        return
        [
            .. items.Select(i => (0.4 * Relative(i.Performance.EngagementRate, maxEngagement))
                + (0.4 * Relative(i.Performance.ConversionRate, maxConversion))
                + (0.2 * Relative(i.Performance.CompletionRate, maxCompletion))),
        ];
    }

    private static double Relative(double value, double max) => max > 0 ? value / max : 0;
}
