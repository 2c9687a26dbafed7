using Abm.Engines.Content;
using Abm.Engines.Journey;
using Abm.Engines.Personas;
using Abm.Engines.Recommendations;
using static Abm.Engines.Tests.Recommendations.LibraryBuilder;

namespace Abm.Engines.Tests.Recommendations;

public class RelevanceFactorTests
{
    private static ContactProfile Contact(
        string? industry = "healthcare",
        Persona persona = Persona.TechnicalDirector,
        JourneyStage stage = JourneyStage.VendorEvaluation,
        FormatPreference? formats = null,
        string[]? consumed = null) =>
        new(industry, persona, stage, formats ?? FormatPreference.None, consumed ?? []);

    /// <summary>
    /// The contributions of the single item in a one-item library (or of <paramref name="itemId"/>). Items for other
    /// industries are let through, so their industry factor (0) can be read.
    /// </summary>
    private static FactorContributions Factors(ContactProfile contact, List<ContentItem> library, string itemId = "a") =>
        new ContentRecommender(library, Now, RecommenderSettings.Default with { AllowOtherIndustries = true })
            .Recommend(contact, library.Count)
            .Single(r => r.ContentId == itemId)
            .Contributions;

    [Theory]
    [InlineData(new[] { "healthcare" }, "Healthcare", 0.25)]
    [InlineData(new[] { "retail", "healthcare" }, "healthcare", 0.25)]
    [InlineData(new[] { "retail" }, "healthcare", 0.0)]
    [InlineData(new string[0], "healthcare", 0.125)]
    [InlineData(new[] { "retail" }, null, 0.125)]
    [InlineData(new[] { "retail" }, "mining", 0.0)]
    public void Industry_TargetsAndContactIndustry_WeightedFactor(string[] targets, string? industry, double expected)
    {
        Factors(Contact(industry: industry), [Item("a", industries: targets)]).Industry.ShouldBe(expected, 1e-12);
    }

    [Theory]
    [InlineData(Persona.TechnicalDirector, 0.20)]
    [InlineData(Persona.FinancialDecisionMaker, 0.0)]
    [InlineData(Persona.Unknown, 0.10)]
    public void Persona_ContactPersonaAgainstTechnicalItem_WeightedFactor(Persona persona, double expected)
    {
        Factors(Contact(persona: persona), [Item("a", personas: [Persona.TechnicalDirector])]).Persona.ShouldBe(expected, 1e-12);
    }

    [Fact]
    public void Persona_ItemForEveryone_Neutral()
    {
        Factors(Contact(), [Item("a")]).Persona.ShouldBe(0.10, 1e-12);
    }

    [Theory]
    [InlineData(JourneyStage.VendorEvaluation, 0.20)]
    [InlineData(JourneyStage.DecisionFinalization, 0.10)]
    [InlineData(JourneyStage.SolutionExploration, 0.10)]
    [InlineData(JourneyStage.ProblemAwareness, 0.0)]
    public void Stage_ItemStageAgainstVendorEvaluationContact_WeightedFactor(JourneyStage itemStage, double expected)
    {
        Factors(Contact(), [Item("a", stages: [itemStage])]).Stage.ShouldBe(expected, 1e-12);
    }

    [Fact]
    public void EngagementHistory_HalfAffinityHalfTopicOverlap_WeightedFactor()
    {
        // Affinity for case studies 0.5; the contact consumed an item tagged "cost", the candidate is tagged cost + scale.
        var formats = new FormatPreference(ContentType.Whitepaper, new Dictionary<ContentType, double>
        {
            [ContentType.Whitepaper] = 1,
            [ContentType.CaseStudy] = 0.5,
        });
        List<ContentItem> library = [Item("a", ContentType.CaseStudy, tags: ["cost", "scale"]), Item("seen", tags: ["COST"])];

        var factors = Factors(Contact(formats: formats, consumed: ["seen"]), library);

        factors.EngagementHistory.ShouldBe(0.15 * ((0.5 * 0.5) + (0.5 * 0.5)), 1e-12); // 0.075
    }

    [Theory]
    [InlineData("cost", 1.0)]        // three of the four consumed items: the contact's main topic
    [InlineData("scale", 1.0 / 3)]   // one of four against cost's three
    [InlineData("security", 0.0)]    // never read
    public void EngagementHistory_TopicReadMoreOften_HigherTopicAffinity(string tag, double topicAffinity)
    {
        List<ContentItem> library =
        [
            Item("a", tags: [tag]),
            Item("seen-1", tags: ["cost"]), Item("seen-2", tags: ["cost"]), Item("seen-3", tags: ["cost"]), Item("seen-4", tags: ["scale"]),
        ];

        var factors = Factors(Contact(consumed: ["seen-1", "seen-2", "seen-3", "seen-4"]), library);

        factors.EngagementHistory.ShouldBe(0.15 * 0.5 * topicAffinity, 1e-12); // no format preference: topics only
    }

    [Theory]
    [InlineData(0, 0.10)]
    [InlineData(180, 0.05)]
    [InlineData(360, 0.025)]
    public void Freshness_ItemAge_HalvesEveryHalfLife(double ageDays, double expected)
    {
        Factors(Contact(), [Item("a", ageDays: ageDays)]).Freshness.ShouldBe(expected, 1e-12);
    }

    [Fact]
    public void Performance_RatesRelativeToLibraryBest_WeightedFactor()
    {
        List<ContentItem> library =
        [
            Item("a", performance: new ContentPerformance(0.30, 0.02, 0.80)),
            Item("b", performance: new ContentPerformance(0.60, 0.04, 0.40)),
        ];

        // 0.4 x 0.30/0.60 + 0.4 x 0.02/0.04 + 0.2 x 0.80/0.80 = 0.2 + 0.2 + 0.2 = 0.6
        Factors(Contact(), library, "a").Performance.ShouldBe(0.10 * 0.6, 1e-12);
        Factors(Contact(), library, "b").Performance.ShouldBe(0.10 * 0.9, 1e-12);
    }

    [Fact]
    public void Recommend_WorkedExampleFromDocs_MatchesHandComputedScore()
    {
        var formats = new FormatPreference(ContentType.CaseStudy, new Dictionary<ContentType, double> { [ContentType.CaseStudy] = 1 });
        List<ContentItem> library =
        [
            Item("a", ContentType.CaseStudy, ["healthcare"], [Persona.OperationsManager], [JourneyStage.VendorEvaluation, JourneyStage.DecisionFinalization],
                ageDays: 90, performance: new ContentPerformance(0.5, 0.03, 0.6), tags: ["compliance", "cost"]),
            Item("b", ContentType.Whitepaper, performance: new ContentPerformance(0.5, 0.06, 0.6), tags: ["compliance"]),
        ];
        var contact = Contact(persona: Persona.TechnicalDirector, formats: formats, consumed: ["b"]);

        var recommendation = new ContentRecommender(library, Now, RecommenderSettings.Default).Recommend(contact, 5).Single();

        var c = recommendation.Contributions;
        c.Industry.ShouldBe(0.25, 1e-12);
        c.Persona.ShouldBe(0, 1e-12);
        c.Stage.ShouldBe(0.20, 1e-12);
        c.EngagementHistory.ShouldBe(0.15 * 0.75, 1e-12);           // 0.5 x 1 + 0.5 x 1/2
        c.Freshness.ShouldBe(0.10 * Math.Pow(0.5, 0.5), 1e-12);      // 0.0707107
        c.Performance.ShouldBe(0.10 * 0.8, 1e-12);                   // 0.4 x 1 + 0.4 x 0.5 + 0.2 x 1
        recommendation.Score.ShouldBe(0.7132107, 1e-7);
        recommendation.Reason.ShouldBe("Case study: it is written for healthcare, and it fits the vendor evaluation stage they are in.");
    }
}
