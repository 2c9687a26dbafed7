using Abm.Engines.Analytics;

namespace Abm.Engines.Tests.Analytics;

public class ContactGrowthTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Compute_HandCounted_NewAndCumulativePerMonth()
    {
        DailyCount[] created = [new(D(2026, 1, 3), 2), new(D(2026, 1, 20), 1), new(D(2026, 3, 1), 4), new(D(2025, 12, 31), 9), new(D(2026, 4, 1), 9)];

        var growth = ContactGrowth.Compute(created, existingBefore: 10, D(2026, 1, 1), D(2026, 3, 31), AnalyticsPeriod.Month);

        growth.Select(g => (g.New, g.Cumulative)).ShouldBe([(3L, 13L), (0L, 13L), (4L, 17L)]);
    }

    [Fact]
    public void Compute_RandomDays_PeriodsSumToTheRangeTotal()
    {
        var random = new Random(7);
        for (var run = 0; run < 200; run++)
        {
            var from = D(2024, 1, 1).AddDays(random.Next(700));
            var to = from.AddDays(random.Next(500));
            var days = Enumerable.Range(0, random.Next(60)).Select(_ => new DailyCount(from.AddDays(random.Next(-30, to.DayNumber - from.DayNumber + 30)), random.Next(1, 50))).ToList();
            var before = random.Next(1000);

            var growth = ContactGrowth.Compute(days, before, from, to, (AnalyticsPeriod)random.Next(3));

            var inRange = days.Where(d => d.Day >= from && d.Day <= to).Sum(d => d.Count);
            growth.Sum(g => g.New).ShouldBe(inRange);
            growth[^1].Cumulative.ShouldBe(before + inRange);
            growth.Zip(growth.Skip(1)).ShouldAllBe(pair => pair.Second.Cumulative == pair.First.Cumulative + pair.Second.New);
        }
    }

    [Fact]
    public void Distribution_MergesBlanksIntoUnknownAndSharesSumToOne()
    {
        var distribution = Distribution.Of([("lead", 3), (null, 1), ("", 1), ("customer", 5)]);

        distribution.Select(d => (d.Value, d.Count)).ShouldBe([("customer", 5L), ("lead", 3L), ("unknown", 2L)]);
        distribution.Sum(d => d.Share).ShouldBe(1.0, 1e-12);
        distribution[0].Share.ShouldBe(0.5);
    }

    [Fact]
    public void Distribution_Nothing_IsEmpty()
    {
        Distribution.Of([]).ShouldBeEmpty();
    }
}
