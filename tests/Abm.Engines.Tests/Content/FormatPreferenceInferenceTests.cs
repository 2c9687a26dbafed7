using Abm.Engines.Content;
using Abm.Engines.Engagement;

namespace Abm.Engines.Tests.Content;

public class FormatPreferenceInferenceTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 30, 0, 0, 0, TimeSpan.Zero);

    private static ContentInteraction Touch(ContentType type, EngagementEventType evt, double daysAgo) =>
        new($"{type}-{daysAgo}", type, evt, Now.AddDays(-daysAgo));

    private static FormatPreference Infer(params ContentInteraction[] history) =>
        FormatPreferenceInference.Infer(history, Now, EngagementSettings.Default);

    [Fact]
    public void Infer_NoHistory_NoPreference()
    {
        Infer().ShouldBe(FormatPreference.None);
    }

    [Fact]
    public void Infer_MixedHistory_HighestDecayedPointsWins()
    {
        // Case study: download today 25. Whitepaper: two downloads a half-life ago 2 x 12.5 = 25, plus a click today 10 = 35.
        var preference = Infer(
            Touch(ContentType.CaseStudy, EngagementEventType.ContentDownload, 0),
            Touch(ContentType.Whitepaper, EngagementEventType.ContentDownload, 30),
            Touch(ContentType.Whitepaper, EngagementEventType.ContentDownload, 30),
            Touch(ContentType.Whitepaper, EngagementEventType.EmailClick, 0));

        preference.Preferred.ShouldBe(ContentType.Whitepaper);
        preference.AffinityFor(ContentType.Whitepaper).ShouldBe(1);
        preference.AffinityFor(ContentType.CaseStudy).ShouldBe(25.0 / 35, 1e-9);
        preference.AffinityFor(ContentType.Webinar).ShouldBe(0);
    }

    [Fact]
    public void Infer_TiedPoints_MostRecentFormatWins()
    {
        // A half-life this long makes every decay exactly 1, so the two formats tie at 25 points.
        var noDecay = EngagementSettings.Default with { HalfLifeDays = 1e300 };
        ContentInteraction[] history =
        [
            Touch(ContentType.Whitepaper, EngagementEventType.ContentDownload, 2),
            Touch(ContentType.Datasheet, EngagementEventType.ContentDownload, 1),
            Touch(ContentType.CaseStudy, EngagementEventType.ContentDownload, 3),
        ];

        FormatPreferenceInference.Infer(history, Now, noDecay).Preferred.ShouldBe(ContentType.Datasheet);
    }

    [Fact]
    public void Infer_TiedPointsAtSameInstant_EarlierFormatWins()
    {
        var preference = Infer(
            Touch(ContentType.Datasheet, EngagementEventType.ContentDownload, 0),
            Touch(ContentType.DemoVideo, EngagementEventType.ContentDownload, 0));

        preference.Preferred.ShouldBe(ContentType.DemoVideo);
    }

    [Fact]
    public void Infer_OnlyInteractionsOutsideWindow_NoPreference()
    {
        Infer(Touch(ContentType.RoiCalculator, EngagementEventType.DemoRequest, 91)).Preferred.ShouldBeNull();
    }
}
