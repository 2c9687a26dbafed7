using Abm.HubSpot.Sandbox.Market;

namespace Abm.HubSpot.Sandbox.Tests.Market;

public sealed class ContentCatalogueTests
{
    private static readonly DateTimeOffset SeededAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Generate_SameSeed_SameCatalogue()
    {
        var first = ContentCatalogueCsv.Write(ContentCatalogue.Generate(7, SeededAt));
        var second = ContentCatalogueCsv.Write(ContentCatalogue.Generate(7, SeededAt));
        var other = ContentCatalogueCsv.Write(ContentCatalogue.Generate(8, SeededAt));

        second.ShouldBe(first);
        other.ShouldNotBe(first);
    }

    [Fact]
    public void Generate_DefaultSize_CoversEveryVocabularyValue()
    {
        var items = ContentCatalogue.Generate(42, SeededAt);

        items.Count.ShouldBeGreaterThanOrEqualTo(500);
        items.Select(i => i.ContentType).Distinct().Order().ShouldBe(MarketVocabulary.ContentTypes.Order());
        items.SelectMany(i => i.TargetJourneyStages).Distinct().Order().ShouldBe(MarketVocabulary.JourneyStages.Order());
        items.SelectMany(i => i.TargetPersonas).Distinct().Order().ShouldBe(MarketVocabulary.Personas.Order());
        items.SelectMany(i => i.TargetIndustries).Distinct().Order().ShouldBe(new[] { "financial_services", "healthcare", "manufacturing", "retail", "technology" });
        items.Select(i => i.Complexity).Distinct().Order().ShouldBe(new[] { "advanced", "basic", "intermediate" });
        items.Select(i => i.Topic).Distinct().Count().ShouldBe(MarketTopic.All.Length);
        items.Select(i => (i.ContentType, i.Topic)).Distinct().Count().ShouldBe(MarketVocabulary.ContentTypes.Length * MarketTopic.All.Length);
    }

    [Fact]
    public void Generate_Items_HaveUniqueIdsRealTitlesLengthsAndPastDates()
    {
        var items = ContentCatalogue.Generate(42, SeededAt);

        items.Select(i => i.ExternalId).Distinct().Count().ShouldBe(items.Count);
        items.Select(i => i.Url).Distinct().Count().ShouldBe(items.Count);
        items.ShouldAllBe(i => i.Title.Length > 10 && i.Title.Length <= 255 && !i.Title.Contains('{'));
        items.ShouldAllBe(i => i.DurationMinutes >= 2 && i.DurationMinutes <= 60);
        items.ShouldAllBe(i => i.PublishedAt < SeededAt && i.PublishedAt > SeededAt.AddYears(-2));
        items.Where(i => i.ContentType == "webinar").Average(i => i.DurationMinutes)
            .ShouldBeGreaterThan(items.Where(i => i.ContentType == "datasheet").Average(i => i.DurationMinutes));
    }

    [Fact]
    public void Write_Catalogue_UsesContentImportColumnsWithSemicolonLists()
    {
        var items = ContentCatalogue.Generate(42, SeededAt, size: 40);

        var lines = ContentCatalogueCsv.Write(items).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines[0].ShouldBe("external_id,title,content_type,complexity,topic,url,target_industries,target_personas,target_journey_stages,published_at,duration_minutes");
        lines.Length.ShouldBe(41);
        var multiPersona = items.First(i => i.TargetPersonas.Count == 2);
        var line = lines.Single(l => l.StartsWith(multiPersona.ExternalId + ",", StringComparison.Ordinal));
        line.ShouldContain($",{multiPersona.TargetPersonas[0]};{multiPersona.TargetPersonas[1]},");
        line.ShouldEndWith($",{multiPersona.PublishedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'},{multiPersona.DurationMinutes}");
    }
}
