using Abm.Engines.Analytics;

namespace Abm.Engines.Tests.Analytics;

public class EmailPerformanceTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Compute_HandCounted_SumsByWeek()
    {
        // Weeks of 2026-03-02 (Monday) and 2026-03-09.
        DailyEmailActivity[] days = [new(D(2026, 3, 2), 10, 4, 1), new(D(2026, 3, 8), 0, 2, 2), new(D(2026, 3, 9), 5, 0, 0), new(D(2026, 3, 16), 99, 99, 99)];

        var report = EmailPerformance.Compute(days, D(2026, 3, 2), D(2026, 3, 15), AnalyticsPeriod.Week);

        report.Periods.ShouldBe(
        [
            new EmailPeriod(D(2026, 3, 2), D(2026, 3, 8), 10, 6, 3, 0.5),
            new EmailPeriod(D(2026, 3, 9), D(2026, 3, 15), 5, 0, 0, null),
        ]);
        report.Total.ShouldBe(new EmailPeriod(D(2026, 3, 2), D(2026, 3, 15), 15, 6, 3, 0.5));
    }

    [Fact]
    public void Compute_RandomDays_TotalsAreTheSumOfPeriods()
    {
        var random = new Random(3);
        for (var run = 0; run < 200; run++)
        {
            var from = D(2025, 1, 1).AddDays(random.Next(300));
            var to = from.AddDays(random.Next(300));
            var days = Enumerable.Range(0, random.Next(50)).Select(_ => new DailyEmailActivity(from.AddDays(random.Next(-10, 310)), random.Next(100), random.Next(50), random.Next(20))).ToList();

            var report = EmailPerformance.Compute(days, from, to, (AnalyticsPeriod)random.Next(3));

            var inRange = days.Where(d => d.Day >= from && d.Day <= to).ToList();
            report.Total.Sends.ShouldBe(inRange.Sum(d => d.Sends));
            report.Total.Opens.ShouldBe(report.Periods.Sum(p => p.Opens));
            report.Total.Clicks.ShouldBe(report.Periods.Sum(p => p.Clicks));
        }
    }
}
