using Abm.Engines.Nurture;

namespace Abm.Engines.Tests.Nurture;

public class GuardrailsTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly GuardrailSettings Defaults = GuardrailSettings.Default;

    [Fact]
    public void NextSendingWindow_TuesdayAfternoonInNewYork_IsNow()
    {
        // Tuesday 3 March 2026, 19:00 UTC is 14:00 in New York.
        Guardrails.NextSendingWindow(Defaults, new DateTimeOffset(2026, 3, 3, 19, 0, 0, TimeSpan.Zero), NewYork).ShouldBeNull();
    }

    [Fact]
    public void NextSendingWindow_TuesdayTenPmInNewYork_IsWednesdayEightLocal()
    {
        // Wednesday 4 March 2026, 03:00 UTC is Tuesday 22:00 in New York; the window opens at 08:00 there (13:00 UTC).
        Guardrails.NextSendingWindow(Defaults, new DateTimeOffset(2026, 3, 4, 3, 0, 0, TimeSpan.Zero), NewYork)
            .ShouldBe(new DateTimeOffset(2026, 3, 4, 13, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void NextSendingWindow_FridayNightAndSaturdayNoon_AreMondayEightLocal()
    {
        var monday = new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero); // 08:00 EDT (UTC-4 from 8 March)

        Guardrails.NextSendingWindow(Defaults, new DateTimeOffset(2026, 3, 7, 2, 0, 0, TimeSpan.Zero), NewYork).ShouldBe(monday); // Friday 21:00 EST
        Guardrails.NextSendingWindow(Defaults, new DateTimeOffset(2026, 3, 7, 17, 0, 0, TimeSpan.Zero), NewYork).ShouldBe(monday); // Saturday 12:00 EST
    }

    [Fact]
    public void NextSendingWindow_GuardrailsOff_IsAlwaysNow()
    {
        var off = Defaults.With(new GuardrailOverrides(RespectQuietHours: false, SkipWeekends: false));

        Guardrails.NextSendingWindow(off, new DateTimeOffset(2026, 3, 7, 3, 0, 0, TimeSpan.Zero), NewYork).ShouldBeNull();
    }

    [Fact]
    public void CapRefusal_ThirdTouchAllowed_FourthRefused_AccountCapToo()
    {
        Guardrails.CapRefusal(Defaults, 2, 0).ShouldBeNull();
        Guardrails.CapRefusal(Defaults, 3, 0)!.ShouldContain("7 days");
        Guardrails.CapRefusal(Defaults, 0, 3)!.ShouldContain("account");
        Guardrails.CapRefusal(Defaults.With(new GuardrailOverrides(MaxTouchesPerContactPerWeek: 5)), 4, 0).ShouldBeNull();
    }

    [Fact]
    public void NextSendingWindow_RandomInstantsAndZones_IsTheFirstAllowedMinute()
    {
        var zones = new[] { "UTC", "America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Sydney", "Pacific/Chatham" }.Select(TimeZoneInfo.FindSystemTimeZoneById).ToArray();
        var random = new Random(11);
        for (var i = 0; i < 2_000; i++)
        {
            var zone = zones[random.Next(zones.Length)];
            var settings = Defaults with
            {
                QuietStart = new TimeOnly(random.Next(24), 0),
                QuietEnd = new TimeOnly(random.Next(24), 0),
                RespectQuietHours = random.Next(4) > 0,
                SkipWeekends = random.Next(4) > 0,
            };
            var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(0, 60 * 24 * 365));

            var window = Guardrails.NextSendingWindow(settings, now, zone) ?? now;

            window.ShouldBeGreaterThanOrEqualTo(now);
            Allowed(settings, window, zone).ShouldBeTrue($"{window} in {zone.Id} with {settings}");
            if (window > now)
            {
                // Nothing allowed in between, checked minute by minute on the way (an independent reading of the rules).
                for (var t = now; t < window; t = t.AddMinutes(7))
                {
                    Allowed(settings, t, zone).ShouldBeFalse($"{t} is allowed before {window} in {zone.Id} with {settings}");
                }
            }
        }
    }

    private static bool Allowed(GuardrailSettings settings, DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        if (settings.SkipWeekends && (local.DayOfWeek == DayOfWeek.Saturday || local.DayOfWeek == DayOfWeek.Sunday))
        {
            return false;
        }

        if (!settings.RespectQuietHours || settings.QuietStart == settings.QuietEnd)
        {
            return true;
        }

        var minutes = local.Hour * 60 + local.Minute;
        var (start, end) = (settings.QuietStart.Hour * 60, settings.QuietEnd.Hour * 60);
        var quiet = start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
        return !quiet;
    }
}
