using Abm.Server.Dashboard;

namespace Abm.Dashboard.Tests;

/// <summary>Which days a trend span shows, and which of them get a date under the chart.</summary>
public sealed class TrendViewTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Fact]
    public void Within_ThirtyDays_KeepsTodayAndTheTwentyNineBeforeOldestFirst()
    {
        DateOnly[] days = [Today, Today.AddDays(-29), Today.AddDays(-30), Today.AddDays(1), Today.AddDays(-5)];

        TrendView.Within(days, d => d, 30, Today).ShouldBe([Today.AddDays(-29), Today.AddDays(-5), Today]);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(6, 6)]
    [InlineData(30, 6)]
    [InlineData(90, 6)]
    public void AxisLabels_AnyLength_AboutSixDatesAlwaysFirstAndLast(int count, int atMost)
    {
        var days = Enumerable.Range(0, count).Select(i => Today.AddDays(i - count + 1)).ToList();

        var labels = TrendView.AxisLabels(days);

        labels.Length.ShouldBe(count);
        labels[0].ShouldBe(days[0].ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture));
        labels[^1].ShouldBe("7 Dec");
        labels.Count(l => l.Length > 0).ShouldBeLessThanOrEqualTo(atMost + 1); // the last date may add one to the evenly spaced ones
    }
}
