using Abm.Engines.Content;
using Abm.Engines.Engagement;
using Abm.Engines.Journey;
using Abm.Engines.Personas;
using Abm.Engines.Recommendations;

namespace Abm.Benchmarks;

/// <summary>A deterministic content library and contact profiles for timing the recommender.</summary>
internal sealed class RecommenderData
{
    private static readonly string[] Industries = ["technology", "financial_services", "healthcare", "manufacturing", "retail"];
    private static readonly string[] Topics = ["security", "cost", "integration", "compliance", "scale", "analytics", "migration", "ai"];

    public RecommenderData(int itemCount, int contactCount, int seed)
    {
        var random = new Random(seed);
        var types = Enum.GetValues<ContentType>();
        var personas = Enum.GetValues<Persona>();
        var stages = Enum.GetValues<JourneyStage>();
        Library =
        [
            .. Enumerable.Range(0, itemCount).Select(i => new ContentItem(
                $"content-{i:D5}",
                $"Content {i}",
                types[random.Next(types.Length)],
                Some(random, Industries),
                Some(random, personas.Where(p => p != Persona.Unknown).ToArray()),
                Some(random, stages),
                ScoringData.Now.AddDays(-random.NextDouble() * 720),
                new ContentPerformance(random.NextDouble(), random.NextDouble() * 0.1, random.NextDouble()),
                Some(random, Topics))),
        ];
        Contacts =
        [
            .. Enumerable.Range(0, contactCount).Select(_ =>
            {
                var consumed = Enumerable.Range(0, random.Next(0, 20)).Select(_ => Library[random.Next(itemCount)]).DistinctBy(i => i.Id).ToList();
                var history = consumed
                    .Select(i => new ContentInteraction(i.Id, i.Type, EngagementEventType.ContentDownload, ScoringData.Now.AddDays(-random.Next(0, 80))))
                    .ToList();
                return new ContactProfile(
                    Industries[random.Next(Industries.Length)],
                    personas[random.Next(personas.Length)],
                    stages[random.Next(stages.Length)],
                    FormatPreferenceInference.Infer(history, ScoringData.Now, EngagementSettings.Default),
                    consumed.Select(i => i.Id).ToList());
            }),
        ];
    }

    public List<ContentItem> Library { get; }

    public List<ContactProfile> Contacts { get; }

    public ContentRecommender BuildRecommender() => new(Library, ScoringData.Now, RecommenderSettings.Default);

    private static T[] Some<T>(Random random, T[] all) => [.. all.Where(_ => random.NextDouble() < 0.35)];
}
