using Abm.Engines.Content;
using Abm.Engines.Journey;
using Abm.Engines.Personas;
using Abm.Engines.Recommendations;
using Abm.Engines.Recommendations.Evaluation;
using Abm.Engines.Recommendations.Fitting;
using static Abm.Engines.Tests.Recommendations.LibraryBuilder;

namespace Abm.Engines.Tests.Recommendations.Fitting;

public class WeightFitterTests
{
    // Readers of "pricing" go on to read the old pricing item, but the fresh item written for their persona
    // outranks it under the default weights: persona 1 x 0.20 against history's topic half 0.5 x 0.15.
    private static readonly List<ContentItem> Library =
    [
        Item("read", tags: ["pricing"]),
        Item("old-pricing", tags: ["pricing"], ageDays: 700),
        Item("fresh-persona", personas: [Persona.TechnicalDirector], tags: ["security"]),
    ];

    private static FittingCase Reader(string engagedWith, int grade = 1) =>
        new(new ContactProfile("technology", Persona.TechnicalDirector, JourneyStage.SolutionExploration, FormatPreference.None, ["read"]),
            new Dictionary<string, int> { [engagedWith] = grade });

    private static FittingPeriod Period(params FittingCase[] cases) => new(new ContentRecommender(Library, Now, RecommenderSettings.Default), cases);

    [Fact]
    public void Evaluate_DefaultWeightsPutTheWrongItemFirst_NdcgAtOneIsZero()
    {
        var evaluation = WeightFitter.Evaluate(Period(Reader("old-pricing")), RelevanceWeights.Default, k: 1);

        evaluation.ShouldBe(new WeightEvaluation(0, 0, 1));
    }

    [Fact]
    public void Evaluate_RightItemSecond_NdcgIsTheDiscountedGainOverTheIdeal()
    {
        // Shown: fresh-persona (grade 0), old-pricing (grade 2). DCG = (2^2 - 1) / log2(3) = 1.8928;
        // the ideal puts old-pricing first: 3 / log2(2) = 3; NDCG = 0.63093. A hit at grade 1 or more.
        var evaluation = WeightFitter.Evaluate(Period(Reader("old-pricing", grade: 2)), RelevanceWeights.Default, k: 2);

        evaluation.Ndcg.ShouldBe(3 / Math.Log2(3) / 3, 1e-12);
        evaluation.HitRate.ShouldBe(1);
        evaluation.Contacts.ShouldBe(1);
    }

    [Fact]
    public void Evaluate_ContactEngagedOnlyWithWhatItHadReadBefore_NotJudged()
    {
        // The item read before the cut-off can never be shown again, so reading it again says nothing of a ranking.
        WeightFitter.Evaluate(Period(Reader("read")), RelevanceWeights.Default).Contacts.ShouldBe(0);
    }

    [Fact]
    public void Fit_ReadersFollowTheirTopics_MovesWeightToHistoryAndBeatsTheDefaultOnTheHeldOutPeriod()
    {
        var fit = WeightFitter.Fit(Period(Reader("old-pricing"), Reader("old-pricing")), Period(Reader("old-pricing")), RelevanceWeights.Default, k: 1);

        fit.CurrentOnFit.Ndcg.ShouldBe(0);
        fit.FittedOnFit.Ndcg.ShouldBe(1);
        fit.FittedOnHeldOut.ShouldBe(new WeightEvaluation(1, 1, 1));
        fit.BeatsCurrent(margin: 0.03).ShouldBeTrue();
        fit.Fitted.EngagementHistory.ShouldBeGreaterThan(RelevanceWeights.Default.EngagementHistory);
        fit.Current.ShouldBe(RelevanceWeights.Default);
    }

    [Fact]
    public void Fit_NothingToLearn_KeepsTheWeightsInForceAndProposesNothing()
    {
        // Every reader engaged with the item the default weights already show first.
        var fit = WeightFitter.Fit(Period(Reader("fresh-persona")), Period(Reader("fresh-persona")), RelevanceWeights.Default, k: 1);

        fit.Fitted.ShouldBe(RelevanceWeights.Default);
        fit.BeatsCurrent(margin: 0.03).ShouldBeFalse();
    }

    [Fact]
    public void BeatsCurrent_HeldOutGainUnderTheMarginOrLowerHitRate_False()
    {
        var w = RelevanceWeights.Default;
        new WeightFit(w, w, new(0.2, 0.5, 10), new(0.3, 0.5, 10), new(0.20, 0.5, 10), new(0.205, 0.5, 10), 1).BeatsCurrent(0.03).ShouldBeFalse();
        new WeightFit(w, w, new(0.2, 0.5, 10), new(0.3, 0.5, 10), new(0.20, 0.5, 10), new(0.25, 0.4, 10), 1).BeatsCurrent(0.03).ShouldBeFalse();
        new WeightFit(w, w, new(0.2, 0.5, 10), new(0.3, 0.5, 10), new(0.20, 0.5, 10), new(0.25, 0.5, 10), 1).BeatsCurrent(0.03).ShouldBeTrue();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Fit_RandomMarkets_ValidWeightsNoWorseOnTheFitPeriodDeterministic(int seed)
    {
        var random = new Random(seed);
        var library = RandomLibrary(random, 120);
        var fitPeriod = RandomPeriod(random, library, 60);
        var heldOut = RandomPeriod(random, library, 60);

        var fit = WeightFitter.Fit(fitPeriod, heldOut, RelevanceWeights.Default);
        var again = WeightFitter.Fit(fitPeriod, heldOut, RelevanceWeights.Default);

        Should.NotThrow(fit.Fitted.Validate);
        fit.FittedOnFit.Ndcg.ShouldBeGreaterThanOrEqualTo(fit.CurrentOnFit.Ndcg);
        fit.FittedOnFit.ShouldBe(WeightFitter.Evaluate(fitPeriod, fit.Fitted));
        again.ShouldBe(fit);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Evaluate_RandomWeights_EqualsJudgingTheRecommendersOwnLists(int seed)
    {
        var random = new Random(seed);
        var library = RandomLibrary(random, 90);
        var raw = Enumerable.Range(0, 6).Select(_ => random.NextDouble()).ToArray();
        var weights = new RelevanceWeights
        {
            Industry = raw[0] / raw.Sum(), Persona = raw[1] / raw.Sum(), Stage = raw[2] / raw.Sum(),
            EngagementHistory = raw[3] / raw.Sum(), Freshness = raw[4] / raw.Sum(),
        };
        weights = weights with { Performance = 1 - weights.Industry - weights.Persona - weights.Stage - weights.EngagementHistory - weights.Freshness };
        var period = RandomPeriod(random, library, 40);
        var recommender = new ContentRecommender(library, Now, RecommenderSettings.Default with { Weights = weights });

        // Judged independently: the recommender's own top 5 for each contact, graded, against the best it could show.
        var judged = period.Cases
            .Select(c => (Shown: recommender.Recommend(c.Profile, 5).Select(r => c.Grades.GetValueOrDefault(r.ContentId)).ToList(),
                Candidates: library.Where(i => !c.Profile.ConsumedContentIds.Contains(i.Id)
                        && (i.TargetIndustries.Count == 0 || c.Profile.Industry is null || i.TargetIndustries.Contains(c.Profile.Industry)))
                    .Select(i => c.Grades.GetValueOrDefault(i.Id))))
            .Select(j => (j.Shown, Ndcg: RankingMetrics.NormalizedDiscountedCumulativeGain(j.Shown, j.Candidates, 5)))
            .Where(j => j.Ndcg is not null)
            .ToList();

        var evaluation = WeightFitter.Evaluate(period with { Recommender = recommender }, weights);

        evaluation.Contacts.ShouldBe(judged.Count);
        evaluation.Ndcg.ShouldBe(judged.Average(j => j.Ndcg!.Value), 1e-9);
        evaluation.HitRate.ShouldBe(judged.Count(j => RankingMetrics.IsHit(j.Shown, 5, hitGrade: 1)) / (double)judged.Count, 1e-12);
    }

    // Contacts engage afterwards mostly with items on the topics they read before (what the sandbox's buyers do).
    private static FittingPeriod RandomPeriod(Random random, List<ContentItem> library, int contacts)
    {
        var cases = new List<FittingCase>();
        for (var i = 0; i < contacts; i++)
        {
            var profile = RandomContact(random, library);
            var topics = library.Where(item => profile.ConsumedContentIds.Contains(item.Id)).SelectMany(item => item.Tags).ToHashSet();
            var grades = library.Where(item => !profile.ConsumedContentIds.Contains(item.Id)
                    && random.NextDouble() < (item.Tags.Any(topics.Contains) ? 0.12 : 0.02))
                .ToDictionary(item => item.Id, _ => random.Next(1, 3));
            cases.Add(new FittingCase(profile, grades));
        }

        return new FittingPeriod(new ContentRecommender(library, Now, RecommenderSettings.Default), cases);
    }
}
