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
        // docs/scoring.md, "Worked example": 30 visits, 8 downloads and 2 forms today, 60 visits 30 days ago, and
        // an open 120 days ago, outside the 90-day window.
        EngagementEvent[] events =
        [
            .. Enumerable.Repeat(At(EngagementEventType.WebsiteVisit, 0), 30),
            .. Enumerable.Repeat(At(EngagementEventType.ContentDownload, 0), 8),
            .. Enumerable.Repeat(At(EngagementEventType.FormSubmission, 0), 2),
            .. Enumerable.Repeat(At(EngagementEventType.WebsiteVisit, 30), 60),
            At(EngagementEventType.EmailOpen, 120),
        ];

        var score = Score(events);

        var recent = 40 + (60 * Math.Pow(0.5, 30 / 7.0));                     // 43.0763 recent events
        score.Recency.ShouldBe(100 / (1 + Math.Pow(40 / recent, 3)), 1e-9);     // 55.5342
        score.Recency.ShouldBe(55.5342, 1e-4);
        score.Frequency.ShouldBe(34300.0 / 855, 1e-9);                         // F = 40 + 30 = 70: 70^3 / (70^3 + 80^3) = 40.1170
        score.Quality.ShouldBe(100 / (1 + Math.Pow(1200 / 1170.0, 3)), 1e-9);  // Q = 450 + 200 + 70 + 450 = 1170: 48.1021
        score.Diversity.ShouldBe(60, 1e-9);                                    // 3 fresh types / 5
        score.Progression.ShouldBe(75, 1e-9);                                  // a form today, depth 3 of 4
        score.Total.ShouldBe(53.4116, 1e-4);
        score.EventsInWindow.ShouldBe(100);
        score.LastEventAt.ShouldBe(Now);
    }

    [Fact]
    public void ScoreContact_NoEvents_AllComponentsZero()
    {
        var score = Score();

        score.ShouldBe(new ContactEngagementScore(0, 0, 0, 0, 0, 0, 0, null, 0, 0));
    }

    [Fact]
    public void ScoreContact_EightyOpensOneRecencyHalfLifeAgo_RecencyIsFifty()
    {
        // 80 x 0.5 = 40 recent events, the default half-saturation.
        Score([.. Enumerable.Repeat(At(EngagementEventType.EmailOpen, 7), 80)]).Recency.ShouldBe(50, 1e-9);
    }

    [Fact]
    public void ScoreContact_EightyFreshEvents_FrequencyIsFifty()
    {
        var events = Enumerable.Range(0, 80).Select(_ => At(EngagementEventType.EmailOpen, 0)).ToArray();

        Score(events).Frequency.ShouldBe(50, 1e-9);
    }

    [Fact]
    public void ScoreContact_TwentyFourFreshDemoRequests_QualityIsFifty()
    {
        // 24 x 50 points = 1,200 = the default half-saturation.
        Score([.. Enumerable.Repeat(At(EngagementEventType.DemoRequest, 0), 24)]).Quality.ShouldBe(50, 1e-9);
    }

    [Fact]
    public void ScoreContact_TwiceTheHalfSaturation_IsEightNinthsWithSteepnessThree()
    {
        // 160 fresh events: (160 / 80)^3 = 8, so 100 x 8 / 9; with steepness 1 it is the plain x / (x + K) = 2/3.
        var events = Enumerable.Repeat(At(EngagementEventType.EmailOpen, 0), 160).ToArray();

        Score(events).Frequency.ShouldBe(800.0 / 9, 1e-9);
        EngagementScorer.ScoreContact(events, Now, EngagementSettings.Default with { SaturationSteepness = 1 }).Frequency.ShouldBe(200.0 / 3, 1e-9);
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
        var settings = EngagementSettings.Default with { Weights = EventWeights.Default.With(EngagementEventType.EmailOpen, 1200) };

        EngagementScorer.ScoreContact([At(EngagementEventType.EmailOpen, 0)], Now, settings).Quality.ShouldBe(50, 1e-9);
    }

    [Fact]
    public void ScoreContact_ShorterHalfLife_FadesFaster()
    {
        var settings = EngagementSettings.Default with { HalfLifeDays = 10, RecencyHalfLifeDays = 20.0 / 3 };
        var events = Enumerable.Repeat(At(EngagementEventType.EmailOpen, 20), 320).ToArray();

        var score = EngagementScorer.ScoreContact(events, Now, settings);

        score.Frequency.ShouldBe(50, 1e-9); // 320 x 0.25 = 80
        score.Recency.ShouldBe(50, 1e-9);   // 320 x 0.5^3 = 40
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
