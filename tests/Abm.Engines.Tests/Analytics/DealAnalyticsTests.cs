using Abm.Engines.Analytics;

namespace Abm.Engines.Tests.Analytics;

public class DealAnalyticsTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static DateTime T(int year, int month, int day) => new(year, month, day, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Compute_HandCounted_PipelineWinRateAndCycle()
    {
        DealFacts[] deals =
        [
            new("appointmentscheduled", 1000m, T(2026, 1, 1), null, DealOutcome.Open),
            new("appointmentscheduled", null, T(2026, 1, 2), null, DealOutcome.Open),
            new("contractsent", 5000m, T(2026, 1, 3), null, DealOutcome.Open),
            // January: won after 10 and 20 days, one lost -> 2/3, 15 days.
            new("closedwon", 200m, T(2026, 1, 1), T(2026, 1, 11), DealOutcome.Won),
            new("closedwon", 300m, T(2025, 12, 25), T(2026, 1, 14), DealOutcome.Won),
            new("closedlost", 999m, T(2026, 1, 1), T(2026, 1, 20), DealOutcome.Lost),
            // February: one lost only.
            new("closedlost", 50m, T(2026, 1, 1), T(2026, 2, 2), DealOutcome.Lost),
            // Closed outside the range: not counted.
            new("closedwon", 70m, T(2025, 1, 1), T(2025, 6, 1), DealOutcome.Won),
        ];

        var report = DealAnalytics.Compute(deals, D(2026, 1, 1), D(2026, 3, 31), AnalyticsPeriod.Month);

        report.OpenPipeline.ShouldBe([new StageValue("contractsent", 1, 5000m), new StageValue("appointmentscheduled", 2, 1000m)]);
        report.Periods[0].ShouldBe(new DealPeriod(D(2026, 1, 1), D(2026, 1, 31), 2, 1, 2.0 / 3, 500m, 15.0));
        report.Periods[1].ShouldBe(new DealPeriod(D(2026, 2, 1), D(2026, 2, 28), 0, 1, 0.0, 0m, null));
        report.Periods[2].ShouldBe(new DealPeriod(D(2026, 3, 1), D(2026, 3, 31), 0, 0, null, 0m, null));
        report.Total.ShouldBe(new DealPeriod(D(2026, 1, 1), D(2026, 3, 31), 2, 2, 0.5, 500m, 15.0));
    }

    [Fact]
    public void Compute_RandomDeals_TotalsAreTheSumOfPeriodsAndRatesStayInRange()
    {
        var random = new Random(11);
        for (var run = 0; run < 200; run++)
        {
            var from = D(2025, 1, 1).AddDays(random.Next(300));
            var to = from.AddDays(random.Next(400));
            var deals = Enumerable.Range(0, random.Next(80)).Select(_ =>
            {
                var outcome = (DealOutcome)random.Next(3);
                var created = T(2024, 6, 1).AddDays(random.Next(900)).AddHours(random.Next(24));
                DateTime? closed = outcome == DealOutcome.Open ? null : created.AddDays(random.Next(-5, 120));
                return new DealFacts(outcome == DealOutcome.Open ? $"stage{random.Next(4)}" : null, random.Next(3) == 0 ? null : random.Next(1, 10_000), created, closed, outcome);
            }).ToList();

            var report = DealAnalytics.Compute(deals, from, to, (AnalyticsPeriod)random.Next(3));

            report.Periods.Sum(p => p.Won).ShouldBe(report.Total.Won);
            report.Periods.Sum(p => p.Lost).ShouldBe(report.Total.Lost);
            report.Periods.Sum(p => p.WonValue).ShouldBe(report.Total.WonValue);
            report.Periods.Append(report.Total).ShouldAllBe(p => p.WinRate == null || (p.WinRate >= 0 && p.WinRate <= 1));
            report.Periods.Append(report.Total).ShouldAllBe(p => p.AverageCycleDays == null || p.AverageCycleDays >= 0);
            report.OpenPipeline.Sum(s => s.Deals).ShouldBe(deals.Count(d => d.Outcome == DealOutcome.Open));
            report.OpenPipeline.Sum(s => s.Value).ShouldBe(deals.Where(d => d.Outcome == DealOutcome.Open).Sum(d => d.Amount ?? 0));
        }
    }
}
