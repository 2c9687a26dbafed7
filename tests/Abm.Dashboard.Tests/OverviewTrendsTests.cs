using Abm.Server.Dashboard.Panels;
using Abm.Server.Features.Overview;

namespace Abm.Dashboard.Tests;

/// <summary>The overview's trend panel: the span it shows, switching span by button, and the figures as text.</summary>
public sealed class OverviewTrendsTests : DashboardComponentContext
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static TrendDay Day(int daysAgo, double engagement, double? conversion) =>
        new(Today.AddDays(-daysAgo), engagement, Hot: 1, Engaged: 2, Warming: 3, Cold: 4, AverageStakeholderCoverage: 50, conversion);

    [Fact]
    public void Render_NoHistory_SaysWhenHistoryStartsInsteadOfAnEmptyChart()
    {
        var cut = Render<OverviewTrends>(p => p.Add(t => t.Trend, []).Add(t => t.Today, Today));

        cut.Find("[data-trend-empty]").TextContent.ShouldContain("No history for the last 30 days yet");
        cut.FindAll("table").ShouldBeEmpty();
    }

    [Fact]
    public void Render_ThirtyThenNinety_ShowsTheSpansDaysAndMarksThePressedButton()
    {
        TrendDay[] trend = [Day(60, 10, null), Day(20, 20, 12.5), Day(0, 30, 25)];
        var cut = Render<OverviewTrends>(p => p.Add(t => t.Trend, trend).Add(t => t.Today, Today));

        cut.FindAll("[data-trend-day]").Select(r => r.GetAttribute("data-trend-day")).ShouldBe(["2026-11-17", "2026-12-07"]);
        cut.Find("#trend-30").GetAttribute("aria-pressed").ShouldBe("true");
        cut.Find("#trend-90").GetAttribute("aria-pressed").ShouldBe("false");

        cut.Find("#trend-90").Click();

        cut.Instance.Span.ShouldBe(90);
        cut.FindAll("[data-trend-day]").Count.ShouldBe(3);
        cut.Find("#trend-90").GetAttribute("aria-pressed").ShouldBe("true");
        var oldest = cut.Find("[data-trend-day='2026-10-08']").QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        oldest.ShouldBe(["8 Oct 2026", "10.0", "1", "2", "3", "4", "no content reach yet"]);
        cut.Find("[data-trend-day='2026-12-07']").QuerySelectorAll("td")[^1].TextContent.ShouldBe("25.0%");
    }

    [Fact]
    public void Render_OneDayOfHistory_SaysTheLinesGrowDailyAndStillDraws()
    {
        var cut = Render<OverviewTrends>(p => p.Add(t => t.Trend, [Day(0, 42, 10)]).Add(t => t.Today, Today));

        cut.Markup.ShouldContain("History starts on 7 Dec 2026");
        cut.FindAll("[data-trend-day]").Count.ShouldBe(1);
    }
}
