using Abm.Engines.Engagement;

namespace Abm.Engines.Tests.Engagement;

public class EngagementScorerTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 30, 0, 0, 0, TimeSpan.Zero);

    private static EngagementEvent At(EngagementEventType type, double daysAgo) => new(type, Now.AddDays(-daysAgo));

    private static ContactEngagementScore Score(params EngagementEvent[] events) =>
        EngagementScorer.ScoreContact(events, Now, EngagementSettings.Default);

    [Fact]
    public void ScoreContact_WorkedExampleFromDocs_MatchesHandComputedComponents()
    {
        // docs/scoring.md, "Worked example": the 120-day-old open is outside the 90-day window.
        var score = Score(
            At(EngagementEventType.DemoRequest, 0),
            At(EngagementEventType.ContentDownload, 30),
            At(EngagementEventType.EmailClick, 30),
            At(EngagementEventType.EmailOpen, 60),
            At(EngagementEventType.WebinarAttendance, 60),
            At(EngagementEventType.EmailOpen, 120));

        score.Recency.ShouldBe(100, 1e-9);
        score.Frequency.ShouldBe(20, 1e-9);                  // 2.5 / (2.5 + 10)
        score.Quality.ShouldBe(7625.0 / 226.25, 1e-9);       // 76.25 / (76.25 + 150) = 33.7017
        score.Diversity.ShouldBe(50, 1e-9);                  // 2.5 fresh types / 5
        score.Progression.ShouldBe(100, 1e-9);               // demo request today, deepest level
        score.Total.ShouldBe(55.92541436, 1e-6);
        score.EventsInWindow.ShouldBe(5);
        score.LastEventAt.ShouldBe(Now);
    }

    [Fact]
    public void ScoreContact_NoEvents_AllComponentsZero()
    {
        var score = Score();

        score.ShouldBe(new ContactEngagementScore(0, 0, 0, 0, 0, 0, 0, null, 0, 0));
    }

    [Fact]
    public void ScoreContact_SingleOpenOneHalfLifeAgo_RecencyIsFifty()
    {
        Score(At(EngagementEventType.EmailOpen, 30)).Recency.ShouldBe(50, 1e-9);
    }

    [Fact]
    public void ScoreContact_TenFreshEvents_FrequencyIsFifty()
    {
        var events = Enumerable.Range(0, 10).Select(_ => At(EngagementEventType.EmailOpen, 0)).ToArray();

        Score(events).Frequency.ShouldBe(50, 1e-9);
    }

    [Fact]
    public void ScoreContact_ThreeFreshDemoRequests_QualityIsFifty()
    {
        // 3 x 50 points = 150 = the default half-saturation.
        var score = Score(
            At(EngagementEventType.DemoRequest, 0), At(EngagementEventType.DemoRequest, 0), At(EngagementEventType.DemoRequest, 0));

        score.Quality.ShouldBe(50, 1e-9);
    }

    [Fact]
    public void ScoreContact_SameTypeRepeated_DiversityCountsTypeOnce()
    {
        var score = Score(At(EngagementEventType.EmailOpen, 0), At(EngagementEventType.EmailOpen, 0), At(EngagementEventType.EmailOpen, 0));

        score.Diversity.ShouldBe(20, 1e-9); // one fresh type of five
    }

    [Fact]
    public void ScoreContact_SixFreshTypes_DiversityCapsAtHundred()
    {
        var events = Enum.GetValues<EngagementEventType>().Take(6).Select(t => At(t, 0)).ToArray();

        Score(events).Diversity.ShouldBe(100);
    }

    [Theory]
    [InlineData(EngagementEventType.EmailOpen, 25)]
    [InlineData(EngagementEventType.WebinarAttendance, 50)]
    [InlineData(EngagementEventType.PricingInquiry, 75)]
    [InlineData(EngagementEventType.MeetingBooked, 100)]
    public void ScoreContact_FreshEventOfDepth_ProgressionIsDepthShare(EngagementEventType type, double expected)
    {
        Score(At(type, 0)).Progression.ShouldBe(expected, 1e-9);
    }

    [Fact]
    public void ScoreContact_DeepEventOneHalfLifeAgo_ProgressionHalved()
    {
        Score(At(EngagementEventType.DemoRequest, 30), At(EngagementEventType.EmailOpen, 0)).Progression.ShouldBe(50, 1e-9);
    }

    [Fact]
    public void ScoreContact_EventAfterNow_Ignored()
    {
        Score(new EngagementEvent(EngagementEventType.DemoRequest, Now.AddMinutes(1))).Total.ShouldBe(0);
    }

    [Fact]
    public void ScoreContact_EventJustOutsideWindow_IgnoredButCountsForPreviousPeriod()
    {
        var settings = EngagementSettings.Default with { WindowDays = 45 };
        var score = EngagementScorer.ScoreContact([At(EngagementEventType.DemoRequest, 46)], Now, settings);

        score.Total.ShouldBe(0);
        score.PreviousPeriodPoints.ShouldBe(50);
    }

    [Fact]
    public void ScoreContact_EventsInBothVelocityPeriods_SplitsUndecayedPoints()
    {
        var score = Score(
            At(EngagementEventType.EmailOpen, 0),
            At(EngagementEventType.EmailClick, 29.9),
            At(EngagementEventType.DemoRequest, 30),
            At(EngagementEventType.PricingInquiry, 59.9),
            At(EngagementEventType.MeetingBooked, 60));

        score.CurrentPeriodPoints.ShouldBe(15);   // open 5 + click 10
        score.PreviousPeriodPoints.ShouldBe(95);  // demo 50 + pricing 45; the meeting at 60 days is in neither
    }

    [Fact]
    public void ScoreContact_CustomWeight_ChangesQuality()
    {
        var settings = EngagementSettings.Default with { Weights = EventWeights.Default.With(EngagementEventType.EmailOpen, 150) };

        EngagementScorer.ScoreContact([At(EngagementEventType.EmailOpen, 0)], Now, settings).Quality.ShouldBe(50, 1e-9);
    }

    [Fact]
    public void ScoreContact_ShorterHalfLife_FadesFaster()
    {
        var settings = EngagementSettings.Default with { HalfLifeDays = 10 };

        EngagementScorer.ScoreContact([At(EngagementEventType.EmailOpen, 20)], Now, settings).Recency.ShouldBe(25, 1e-9);
    }

    [Fact]
    public void ScoreContact_InvalidSettings_Throws()
    {
        var settings = EngagementSettings.Default with { HalfLifeDays = 0 };

        Should.Throw<ArgumentOutOfRangeException>(() => EngagementScorer.ScoreContact([], Now, settings));
    }

    [Theory]
    [InlineData(EngagementEventType.EmailOpen, 5)]
    [InlineData(EngagementEventType.EmailClick, 10)]
    [InlineData(EngagementEventType.WebsiteVisit, 15)]
    [InlineData(EngagementEventType.ContentDownload, 25)]
    [InlineData(EngagementEventType.SocialShare, 20)]
    [InlineData(EngagementEventType.WebinarAttendance, 30)]
    [InlineData(EngagementEventType.DemoRequest, 50)]
    [InlineData(EngagementEventType.PricingInquiry, 45)]
    [InlineData(EngagementEventType.FormSubmission, 35)]
    [InlineData(EngagementEventType.MeetingBooked, 60)]
    public void DefaultWeights_EachType_MatchesDocumentedWeight(EngagementEventType type, double expected)
    {
        EventWeights.Default[type].ShouldBe(expected);
    }

    [Fact]
    public void EventWeightsWith_NegativeWeight_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => EventWeights.Default.With(EngagementEventType.EmailOpen, -1));
    }
}
