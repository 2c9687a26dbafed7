using Abm.Engines.Content;
using Abm.Engines.Journey;
using Abm.Engines.Personas;
using Abm.Engines.Recommendations;
using static Abm.Engines.Tests.Recommendations.LibraryBuilder;

namespace Abm.Engines.Tests.Recommendations;

public class ContentRecommenderTests
{
    private static readonly ContactProfile Contact =
        new("technology", Persona.TechnicalDirector, JourneyStage.SolutionExploration, FormatPreference.None, []);

    private static IReadOnlyList<ContentRecommendation> Recommend(List<ContentItem> library, ContactProfile contact, int k = 5) =>
        new ContentRecommender(library, Now, RecommenderSettings.Default).Recommend(contact, k);

    [Fact]
    public void Recommend_ConsumedItem_NeverRecommended()
    {
        List<ContentItem> library = [Item("best", industries: ["technology"]), Item("other")];

        var ids = Recommend(library, Contact with { ConsumedContentIds = ["best"] }).Select(r => r.ContentId);

        ids.ShouldBe(["other"]);
    }

    [Fact]
    public void Recommend_ExcludedItem_NeverRecommendedAndLendsNoTopicAffinity()
    {
        List<ContentItem> library = [Item("skipped", tags: ["pricing"]), Item("pricing", tags: ["pricing"]), Item("security", tags: ["security"])];

        var excluded = Recommend(library, Contact with { ExcludedContentIds = ["skipped"] });
        var consumed = Recommend(library, Contact with { ConsumedContentIds = ["skipped"] });
        var neither = Recommend(library, Contact);

        excluded.Select(r => r.ContentId).ShouldNotContain("skipped");
        // Consuming a pricing item makes the other pricing item more relevant; skipping one changes nothing else.
        consumed.Single(r => r.ContentId == "pricing").Score.ShouldBeGreaterThan(neither.Single(r => r.ContentId == "pricing").Score);
        excluded.Single(r => r.ContentId == "pricing").Score.ShouldBe(neither.Single(r => r.ContentId == "pricing").Score);
        excluded.Single(r => r.ContentId == "security").Score.ShouldBe(neither.Single(r => r.ContentId == "security").Score);
    }

    [Fact]
    public void Recommend_ItemForOtherIndustriesOnly_NeverRecommendedUnlessAllowed()
    {
        // The retail item is fresher and for the contact's persona, so it would outrank the cross-industry one.
        List<ContentItem> library = [Item("retail", industries: ["retail"], personas: [Persona.TechnicalDirector]), Item("any", ageDays: 300)];

        Recommend(library, Contact).Select(r => r.ContentId).ShouldBe(["any"]);
        Recommend(library, Contact with { Industry = null }).Select(r => r.ContentId).ShouldBe(["retail", "any"]);
        new ContentRecommender(library, Now, RecommenderSettings.Default with { AllowOtherIndustries = true }).Recommend(Contact, 5)
            .Select(r => r.ContentId).ShouldBe(["retail", "any"]);
    }

    [Fact]
    public void Recommend_PickDrivenByTheContactsReading_ReasonSaysWhatItRead()
    {
        // Three case studies on cloud read; the candidates target no industry, persona or stage, so the contact's
        // reading (format affinity 1, topic affinity 1: history 0.15) is the largest contribution.
        List<ContentItem> library =
        [
            .. Enumerable.Range(0, 3).Select(i => Item($"read{i}", ContentType.CaseStudy, tags: ["cloud_migration"])),
            Item("next", ContentType.CaseStudy, tags: ["cloud_migration"]),
            Item("plain", ContentType.CaseStudy, tags: ["security"]),
        ];
        var formats = new FormatPreference(ContentType.CaseStudy, new Dictionary<ContentType, double> { [ContentType.CaseStudy] = 1 });
        var contact = Contact with { Formats = formats, ConsumedContentIds = ["read0", "read1", "read2"] };

        var picks = Recommend(library, contact);

        picks[0].ContentId.ShouldBe("next");
        picks[0].Reason.ShouldBe("Case study: they have read 3 items on cloud migration, and it works for any industry.");
        // Reading a topic the contact never read drove nothing here (history 0.075), so the note does not cite it.
        picks[1].Reason.ShouldBe("Case study: it works for any industry, and it suits a broad audience.");
    }

    [Fact]
    public void Recommend_ManyStrongWhitepapers_AtMostTwoWhitepapersWhileOtherFormatsQualify()
    {
        var library = Enumerable.Range(0, 6).Select(i => Item($"wp{i}", industries: ["technology"])).ToList();
        library.Add(Item("cs", ContentType.CaseStudy, ageDays: 400));
        library.Add(Item("dv", ContentType.DemoVideo, ageDays: 500));

        var picks = Recommend(library, Contact, k: 4);

        picks.Count(r => r.Type == ContentType.Whitepaper).ShouldBe(2);
        picks.Select(r => r.ContentId).ShouldBe(["wp0", "wp1", "cs", "dv"]);
    }

    [Fact]
    public void Recommend_OnlyOneFormatLeft_FillsBeyondTheCap()
    {
        var library = Enumerable.Range(0, 4).Select(i => Item($"wp{i}")).ToList();

        Recommend(library, Contact, k: 3).Count.ShouldBe(3);
    }

    [Fact]
    public void Recommend_ItemPublishedAfterNow_NotRecommended()
    {
        List<ContentItem> library = [Item("future", ageDays: -1), Item("live")];

        Recommend(library, Contact).Select(r => r.ContentId).ShouldBe(["live"]);
    }

    [Fact]
    public void Recommend_EqualScores_RankedByItemId()
    {
        List<ContentItem> library = [Item("c", ContentType.Datasheet), Item("a", ContentType.Webinar), Item("b", ContentType.BlogPost)];

        Recommend(library, Contact).Select(r => r.ContentId).ShouldBe(["a", "b", "c"]);
    }

    [Fact]
    public void Recommend_ZeroK_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Recommend([Item("a")], Contact, k: 0));
    }

    [Fact]
    public void Constructor_PerformanceRateAboveOne_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() =>
            new ContentRecommender([Item("a", performance: new ContentPerformance(1.5, 0, 0))], Now, RecommenderSettings.Default));
    }

    [Fact]
    public void Constructor_WeightsNotSummingToOne_Throws()
    {
        var settings = RecommenderSettings.Default with { Weights = RelevanceWeights.Default with { Industry = 0.5 } };

        Should.Throw<ArgumentOutOfRangeException>(() => new ContentRecommender([Item("a")], Now, settings));
    }

    [Fact]
    public void Recommend_RandomLibrariesAndContacts_RespectsAllInvariants()
    {
        var random = new Random(4001);
        for (var run = 0; run < 40; run++)
        {
            var library = RandomLibrary(random, 120);
            var recommender = new ContentRecommender(library, Now, RecommenderSettings.Default);
            for (var c = 0; c < 25; c++)
            {
                var contact = RandomContact(random, library);
                var k = random.Next(1, 9);

                var picks = recommender.Recommend(contact, k);

                // Eligible: not consumed, and for every industry, the contact's, or a contact of unknown industry.
                var eligible = library.Where(i => !contact.ConsumedContentIds.Contains(i.Id)
                    && (i.TargetIndustries.Count == 0 || string.IsNullOrWhiteSpace(contact.Industry)
                        || i.TargetIndustries.Contains(contact.Industry.Trim(), StringComparer.OrdinalIgnoreCase))).ToList();
                picks.Count.ShouldBe(Math.Min(k, eligible.Count));
                picks.Select(p => p.ContentId).ShouldBeUnique();
                picks.ShouldAllBe(p => !contact.ConsumedContentIds.Contains(p.ContentId));
                picks.Select(p => p.Rank).ShouldBe(Enumerable.Range(1, picks.Count));
                picks.Select(p => p.Score).ShouldBeInOrder(SortDirection.Descending);
                foreach (var pick in picks)
                {
                    pick.Score.ShouldBeInRange(0, 1);
                    pick.Contributions.Total.ShouldBe(pick.Score);
                    pick.Reason.ShouldNotBeNullOrWhiteSpace();
                }

                // Variety: a format may exceed the cap only when no unpicked, unconsumed item of another format remains.
                var overCap = picks.GroupBy(p => p.Type).Where(g => g.Count() > 2).Select(g => g.Key).ToList();
                if (overCap.Count > 0)
                {
                    var picked = picks.Select(p => p.ContentId).ToHashSet();
                    eligible.Where(i => !picked.Contains(i.Id)).ShouldAllBe(i => overCap.Contains(i.Type));
                }
            }
        }
    }

    [Fact]
    public void Recommend_SameInputsTwice_IdenticalRankings()
    {
        var random = new Random(4002);
        var library = RandomLibrary(random, 200);
        var contact = RandomContact(random, library);
        var shuffled = library.ToArray();
        random.Shuffle(shuffled);

        var first = Recommend(library, contact);
        var second = new ContentRecommender(shuffled, Now, RecommenderSettings.Default).Recommend(contact, 5);

        second.ShouldBe(first);
    }

    [Fact]
    public void RecommendPopular_HandComputed_MostReachedCandidatesFirstTiesByIdAndItsReason()
    {
        // "retail" is the most read but written for another industry; "read" is consumed; "b" and "a" tie at 4.
        List<ContentItem> library =
        [
            Item("retail", industries: ["retail"]), Item("read"), Item("b", ContentType.CaseStudy), Item("a"), Item("c"), Item("none"),
        ];
        var reach = new Dictionary<string, int> { ["retail"] = 50, ["read"] = 40, ["b"] = 4, ["a"] = 4, ["c"] = 9 };

        var picks = new ContentRecommender(library, Now, RecommenderSettings.Default)
            .RecommendPopular(Contact with { ConsumedContentIds = ["read"] }, reach, 4);

        picks.Select(p => p.ContentId).ShouldBe(["c", "a", "b", "none"]);
        picks.Select(p => p.Rank).ShouldBe([1, 2, 3, 4]);
        picks[0].Reason.ShouldBe("Whitepaper: one of the most read, 9 contacts engaged with it.");
        picks[3].Reason.ShouldBe("Whitepaper: nobody has engaged with it yet, and it is among what is left to read.");
        // The contributions are still the six factors under the recommender's weights, summing to the score.
        picks.ShouldAllBe(p => p.Contributions.Total == p.Score);
    }

    [Fact]
    public void RecommendPopular_RandomLibraries_SameCandidatesAsRecommendOrderedByReach()
    {
        var random = new Random(4003);
        for (var run = 0; run < 40; run++)
        {
            var library = RandomLibrary(random, 80);
            var contact = RandomContact(random, library);
            var reach = library.Where(_ => random.NextDouble() < 0.7).ToDictionary(i => i.Id, _ => random.Next(0, 30));
            var recommender = new ContentRecommender(library, Now, RecommenderSettings.Default);

            var picks = recommender.RecommendPopular(contact, reach, library.Count);
            var everything = recommender.Recommend(contact, library.Count);

            // Same candidate set as the relevance ranking (consumed, excluded and other-industry items left out).
            picks.Select(p => p.ContentId).Order().ShouldBe(everything.Select(p => p.ContentId).Order());
            picks.Select(p => reach.GetValueOrDefault(p.ContentId)).ShouldBeInOrder(SortDirection.Descending);
            var top = recommender.RecommendPopular(contact, reach, 5);
            top.ShouldBe(picks.Take(5));
        }
    }
}
