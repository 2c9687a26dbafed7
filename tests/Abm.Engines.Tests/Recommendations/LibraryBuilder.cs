using Abm.Engines.Content;
using Abm.Engines.Engagement;
using Abm.Engines.Journey;
using Abm.Engines.Personas;
using Abm.Engines.Recommendations;

namespace Abm.Engines.Tests.Recommendations;

/// <summary>Content items and random libraries for recommender tests.</summary>
internal static class LibraryBuilder
{
    public static readonly DateTimeOffset Now = new(2025, 6, 30, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Industries = ["technology", "financial_services", "healthcare", "manufacturing", "retail"];
    private static readonly string[] Topics = ["security", "cost", "integration", "compliance", "scale", "analytics", "migration"];

    public static ContentItem Item(
        string id,
        ContentType type = ContentType.Whitepaper,
        string[]? industries = null,
        Persona[]? personas = null,
        JourneyStage[]? stages = null,
        double ageDays = 0,
        ContentPerformance performance = default,
        string[]? tags = null) =>
        new(id, $"Title {id}", type, industries ?? [], personas ?? [], stages ?? [], Now.AddDays(-ageDays), performance, tags ?? []);

    public static List<ContentItem> RandomLibrary(Random random, int count)
    {
        var types = Enum.GetValues<ContentType>();
        var personas = Enum.GetValues<Persona>().Where(p => p != Persona.Unknown).ToArray();
        var stages = Enum.GetValues<JourneyStage>();
        return
        [
            .. Enumerable.Range(0, count).Select(i => Item(
                $"item-{i:D4}",
                types[random.Next(types.Length)],
                Some(random, Industries),
                Some(random, personas),
                Some(random, stages),
                random.NextDouble() * 720,
                new ContentPerformance(random.NextDouble(), random.NextDouble() * 0.1, random.NextDouble()),
                Some(random, Topics))),
        ];
    }

    public static ContactProfile RandomContact(Random random, IReadOnlyList<ContentItem> library)
    {
        var consumed = library.Where(_ => random.NextDouble() < 0.05).Select(i => i.Id).ToList();
        var personas = Enum.GetValues<Persona>();
        var stages = Enum.GetValues<JourneyStage>();
        var history = consumed
            .Select(id => library.First(i => i.Id == id))
            .Select(i => new ContentInteraction(i.Id, i.Type, EngagementEventType.ContentDownload, Now.AddDays(-random.Next(0, 60))))
            .ToList();
        return new ContactProfile(
            random.Next(6) == 0 ? null : Industries[random.Next(Industries.Length)],
            personas[random.Next(personas.Length)],
            stages[random.Next(stages.Length)],
            FormatPreferenceInference.Infer(history, Now, EngagementSettings.Default),
            consumed);
    }

    private static T[] Some<T>(Random random, T[] all) => [.. all.Where(_ => random.NextDouble() < 0.35)];
}
