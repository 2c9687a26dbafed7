using Abm.Engines.Analytics;

namespace Abm.Engines.Tests.Analytics;

public class PeriodCalendarTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Spans_Months_ClipsFirstAndLastToTheRange()
    {
        PeriodCalendar.Spans(D(2026, 1, 15), D(2026, 3, 10), AnalyticsPeriod.Month).ShouldBe(
        [
            new PeriodSpan(D(2026, 1, 15), D(2026, 1, 31)),
            new PeriodSpan(D(2026, 2, 1), D(2026, 2, 28)),
            new PeriodSpan(D(2026, 3, 1), D(2026, 3, 10)),
        ]);
    }

    [Fact]
    public void Spans_Weeks_StartOnMonday()
    {
        // 2026-01-01 is a Thursday: its week began Monday 2025-12-29.
        PeriodCalendar.StartOf(D(2026, 1, 1), AnalyticsPeriod.Week).ShouldBe(D(2025, 12, 29));
        PeriodCalendar.StartOf(D(2026, 1, 4), AnalyticsPeriod.Week).ShouldBe(D(2025, 12, 29));
        PeriodCalendar.StartOf(D(2026, 1, 5), AnalyticsPeriod.Week).ShouldBe(D(2026, 1, 5));
        PeriodCalendar.Spans(D(2026, 1, 1), D(2026, 1, 12), AnalyticsPeriod.Week).Select(s => s.Start).ShouldBe([D(2026, 1, 1), D(2026, 1, 5), D(2026, 1, 12)]);
    }

    [Fact]
    public void Spans_Quarters_FollowTheCalendar()
    {
        PeriodCalendar.Spans(D(2025, 11, 1), D(2026, 5, 1), AnalyticsPeriod.Quarter).ShouldBe(
        [
            new PeriodSpan(D(2025, 11, 1), D(2025, 12, 31)),
            new PeriodSpan(D(2026, 1, 1), D(2026, 3, 31)),
            new PeriodSpan(D(2026, 4, 1), D(2026, 5, 1)),
        ]);
    }

    [Fact]
    public void Spans_RandomRanges_CoverEveryDayExactlyOnce()
    {
        var random = new Random(15);
        for (var run = 0; run < 300; run++)
        {
            var from = D(2020, 1, 1).AddDays(random.Next(2000));
            var to = from.AddDays(random.Next(400));
            var period = (AnalyticsPeriod)random.Next(3);
            var spans = PeriodCalendar.Spans(from, to, period);

            spans[0].Start.ShouldBe(from);
            spans[^1].End.ShouldBe(to);
            for (var i = 1; i < spans.Count; i++)
            {
                spans[i].Start.ShouldBe(spans[i - 1].End.AddDays(1));
                PeriodCalendar.StartOf(spans[i].Start, period).ShouldBe(spans[i].Start);
            }

            var day = from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));
            var index = PeriodCalendar.IndexOf(spans, day);
            day.ShouldBeInRange(spans[index].Start, spans[index].End);
            PeriodCalendar.IndexOf(spans, to.AddDays(1)).ShouldBe(-1);
            PeriodCalendar.IndexOf(spans, from.AddDays(-1)).ShouldBe(-1);
        }
    }

    [Fact]
    public void Spans_EndBeforeStart_Throws()
    {
        Should.Throw<ArgumentException>(() => PeriodCalendar.Spans(D(2026, 2, 1), D(2026, 1, 1), AnalyticsPeriod.Month));
    }
}
