using Abm.Engines.Nurture;

namespace Abm.Engines.Tests.Nurture;

public class WaitScheduleTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static WaitStep Until(TimeOnly time, params DayOfWeek[] days) => new("w", null, null, new WeeklyMoment(days, time));

    [Fact]
    public void DueAt_Duration_AddsIt()
    {
        var reached = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        WaitSchedule.DueAt(new WaitStep("w", null, TimeSpan.FromHours(60), null), reached, NewYork).ShouldBe(reached.AddHours(60));
    }

    [Fact]
    public void DueAt_TuesdayTenInNewYork_ReachedMondayNoonUtc_IsTuesdayTenLocal()
    {
        // Monday 2 March 2026, 12:00 UTC is 07:00 in New York (UTC-5): the next Tuesday 10:00 there is 15:00 UTC.
        var due = WaitSchedule.DueAt(Until(new TimeOnly(10, 0), DayOfWeek.Tuesday), new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero), NewYork);

        due.ShouldBe(new DateTimeOffset(2026, 3, 3, 15, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void DueAt_SameDayBeforeTheTime_IsToday_AfterIt_IsNextWeek()
    {
        var mondayNine = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(-5));
        var wait = Until(new TimeOnly(10, 0), DayOfWeek.Monday);

        WaitSchedule.DueAt(wait, mondayNine, NewYork).ShouldBe(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(-5)));
        WaitSchedule.DueAt(wait, mondayNine.AddHours(1), NewYork).ShouldBe(new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.FromHours(-4)));
    }

    [Fact]
    public void DueAt_AcrossTheSpringClockChange_KeepsLocalTime()
    {
        // New York moves to UTC-4 on Sunday 8 March 2026: Friday 6 March asks for Monday 9 March 09:00 local = 13:00 UTC.
        var due = WaitSchedule.DueAt(Until(new TimeOnly(9, 0), DayOfWeek.Monday), new DateTimeOffset(2026, 3, 6, 15, 0, 0, TimeSpan.Zero), NewYork);

        due.ShouldBe(new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void DueAt_RandomMoments_IsTheFirstMatchingLocalTimeAfterReaching()
    {
        var random = new Random(3);
        var zones = new[] { NewYork, TimeZoneInfo.Utc, TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"), TimeZoneInfo.FindSystemTimeZoneById("Australia/Sydney") };
        for (var i = 0; i < 2_000; i++)
        {
            var zone = zones[random.Next(zones.Length)];
            var days = Enum.GetValues<DayOfWeek>().Where(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && random.Next(2) == 0).DefaultIfEmpty(DayOfWeek.Wednesday).ToArray();
            var time = new TimeOnly(random.Next(8, 18), random.Next(0, 4) * 15);
            var reached = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 365 * 24 * 60));

            var due = WaitSchedule.DueAt(Until(time, days), reached, zone);

            var local = TimeZoneInfo.ConvertTime(due, zone);
            due.ShouldBeGreaterThan(reached);
            (due - reached).ShouldBeLessThanOrEqualTo(TimeSpan.FromDays(7));
            days.ShouldContain(local.DayOfWeek);
            TimeOnly.FromDateTime(local.DateTime).ShouldBe(time);
            for (var probe = reached.AddMinutes(15 - (reached.Minute % 15)); probe < due; probe = probe.AddMinutes(15))
            {
                var probeLocal = TimeZoneInfo.ConvertTime(probe, zone);
                (days.Contains(probeLocal.DayOfWeek) && TimeOnly.FromDateTime(probeLocal.DateTime) == time).ShouldBeFalse();
            }
        }
    }
}
