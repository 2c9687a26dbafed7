namespace Abm.Engines.Nurture;

/// <summary>
/// The limits on nurture email a workspace keeps (a sequence may override some): at most
/// <see cref="MaxTouchesPerContactPerWeek"/> emails to a contact in any 7 days and <see cref="MaxTouchesPerAccountPerDay"/>
/// to one account's contacts in any 24 hours, across all sequences; none during quiet hours (from
/// <see cref="QuietStart"/> to <see cref="QuietEnd"/> in the contact's time zone) or at weekends. Consent is not
/// here because nothing may turn it off.
/// </summary>
public sealed record GuardrailSettings(
    int MaxTouchesPerContactPerWeek = 3,
    int MaxTouchesPerAccountPerDay = 3,
    bool RespectQuietHours = true,
    TimeOnly QuietStart = default,
    TimeOnly QuietEnd = default,
    bool SkipWeekends = true)
{
    /// <summary>The defaults: 3 per contact per week, 3 per account per day, quiet from 20:00 to 08:00, no weekends.</summary>
    public static GuardrailSettings Default { get; } = new(QuietStart: new TimeOnly(20, 0), QuietEnd: new TimeOnly(8, 0));

    /// <summary>These settings with a sequence's overrides applied.</summary>
    public GuardrailSettings With(GuardrailOverrides overrides) => this with
    {
        MaxTouchesPerContactPerWeek = overrides.MaxTouchesPerContactPerWeek ?? MaxTouchesPerContactPerWeek,
        MaxTouchesPerAccountPerDay = overrides.MaxTouchesPerAccountPerDay ?? MaxTouchesPerAccountPerDay,
        RespectQuietHours = overrides.RespectQuietHours ?? RespectQuietHours,
        SkipWeekends = overrides.SkipWeekends ?? SkipWeekends,
    };
}

/// <summary>Decides whether a nurture email may go now. Pure: the clock and the counts are inputs.</summary>
public static class Guardrails
{
    /// <summary>
    /// Null when <paramref name="now"/> is inside the contact's sending window; otherwise the first instant after it
    /// that is (the end of the quiet hours, or Monday's at a weekend).
    /// </summary>
    public static DateTimeOffset? NextSendingWindow(GuardrailSettings settings, DateTimeOffset now, TimeZoneInfo zone)
    {
        var candidate = now;
        // A day at a time: the window opens within eight days whatever the settings (a week has weekdays, and
        // quiet hours that cover the whole day are treated as none).
        for (var step = 0; step < 9; step++)
        {
            var local = TimeZoneInfo.ConvertTime(candidate, zone);
            var time = TimeOnly.FromDateTime(local.DateTime);
            if (settings.SkipWeekends && local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                // Monday's midnight; the quiet hours, if any, are applied to it on the next turn.
                candidate = At(DateOnly.FromDateTime(local.DateTime).AddDays(local.DayOfWeek == DayOfWeek.Saturday ? 2 : 1), TimeOnly.MinValue, zone);
                continue;
            }

            if (settings.RespectQuietHours && IsQuiet(settings, time))
            {
                var date = DateOnly.FromDateTime(local.DateTime);
                var opens = At(time >= settings.QuietStart && settings.QuietStart > settings.QuietEnd ? date.AddDays(1) : date, settings.QuietEnd, zone);
                candidate = opens > candidate ? opens : candidate.AddMinutes(1);
                continue;
            }

            return candidate == now ? null : candidate;
        }

        return candidate == now ? null : candidate;
    }

    /// <summary>Why the frequency cap refuses one more email, or null when it allows it.</summary>
    public static string? CapRefusal(GuardrailSettings settings, int contactTouchesLastWeek, int accountTouchesLastDay)
    {
        if (contactTouchesLastWeek >= settings.MaxTouchesPerContactPerWeek)
        {
            return $"frequency cap: the contact already had {contactTouchesLastWeek} nurture email(s) in the last 7 days (at most {settings.MaxTouchesPerContactPerWeek})";
        }

        return accountTouchesLastDay >= settings.MaxTouchesPerAccountPerDay
            ? $"frequency cap: the account's contacts already had {accountTouchesLastDay} nurture email(s) in the last 24 hours (at most {settings.MaxTouchesPerAccountPerDay})"
            : null;
    }

    private static bool IsQuiet(GuardrailSettings settings, TimeOnly time) => settings.QuietStart == settings.QuietEnd
        ? false
        : settings.QuietStart > settings.QuietEnd
            ? time >= settings.QuietStart || time < settings.QuietEnd
            : time >= settings.QuietStart && time < settings.QuietEnd;

    private static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
