using System.Text;

namespace Abm.HubSpot.Sandbox.Market;

/// <summary>
/// Generates the market's content library from a seed. Types, stages and topics are dealt in rotation so every
/// combination appears; targets, complexity, length and publish date are drawn.
/// </summary>
internal static class ContentCatalogue
{
    public const int DefaultSize = 560;

    private static readonly Dictionary<string, (int Min, int Max)> Minutes = new(StringComparer.Ordinal)
    {
        ["whitepaper"] = (15, 45),
        ["case_study"] = (5, 15),
        ["roi_calculator"] = (5, 15),
        ["demo_video"] = (3, 20),
        ["webinar"] = (30, 60),
        ["blog_post"] = (3, 12),
        ["datasheet"] = (2, 6),
    };

    public static IReadOnlyList<MarketContentItem> Generate(int seed, DateTimeOffset seededAt, int size = DefaultSize)
    {
        var random = MarketSeed.For(seed, MarketSeed.Catalogue, 0);
        var items = new List<MarketContentItem>(size);
        for (var i = 0; i < size; i++)
        {
            items.Add(Create(random, i, seededAt));
        }

        return items;
    }

    private static MarketContentItem Create(Random random, int index, DateTimeOffset seededAt)
    {
        var contentType = MarketVocabulary.ContentTypes[index % MarketVocabulary.ContentTypes.Length];
        var stage = index / MarketVocabulary.ContentTypes.Length % MarketVocabulary.JourneyStages.Length;
        var topic = MarketTopic.All[index % MarketTopic.All.Length];
        var personas = Draw(random, MarketVocabulary.Personas, random.Next(1, 3));
        // A third of the library speaks to every industry; the rest to one or two.
        string[] industries = random.NextDouble() < 0.35 ? [] : Draw(random, MarketVocabulary.Industries, random.Next(1, 3));
        var title = ContentTitles.Compose(random, contentType, topic, industries.FirstOrDefault(), personas[0]);
        var (min, max) = Minutes[contentType];
        var externalId = $"sbx-content-{index + 1:D4}";
        return new MarketContentItem(
            externalId,
            title,
            contentType,
            Complexity(random, stage),
            topic.Slug,
            $"https://www.example.com/resources/{Slug(title)}-{index + 1}",
            industries,
            personas,
            Stages(random, stage),
            PublishedAt(random, seededAt),
            random.Next(min, max + 1));
    }

    // Early-stage content is mostly introductory, late-stage content mostly detailed.
    private static string Complexity(Random random, int stage)
    {
        var roll = random.NextDouble();
        var basic = 0.6 - (0.12 * stage);
        var advanced = 0.1 + (0.12 * stage);
        return roll < basic ? "basic" : roll < 1 - advanced ? "intermediate" : "advanced";
    }

    // About a third of the items also serve the next stage, as real content often does.
    private static string[] Stages(Random random, int stage) =>
        random.NextDouble() < 0.3 && stage + 1 < MarketVocabulary.JourneyStages.Length
            ? [MarketVocabulary.JourneyStages[stage], MarketVocabulary.JourneyStages[stage + 1]]
            : [MarketVocabulary.JourneyStages[stage]];

    private static DateTimeOffset PublishedAt(Random random, DateTimeOffset seededAt)
    {
        var minutesAgo = random.Next(60, 2 * 365 * 24 * 60);
        var published = seededAt.AddMinutes(-minutesAgo);
        return new DateTimeOffset(published.Ticks - (published.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }

    private static string[] Draw(Random random, string[] values, int count) =>
        values.OrderBy(_ => random.Next()).Take(count).ToArray();

    private static string Slug(string title)
    {
        var slug = new StringBuilder(title.Length);
        foreach (var c in title.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }
}
