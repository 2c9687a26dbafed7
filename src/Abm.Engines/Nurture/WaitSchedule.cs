namespace Abm.Engines.Nurture;

/// <summary>When a <see cref="WaitStep"/> reached at a given moment is over.</summary>
public static class WaitSchedule
{
    /// <summary>
    /// The moment the wait ends: <paramref name="reachedAt"/> plus its duration, or the first of its weekdays and
    /// time in <paramref name="contactZone"/> strictly after <paramref name="reachedAt"/>.
    /// </summary>
    public static DateTimeOffset DueAt(WaitStep wait, DateTimeOffset reachedAt, TimeZoneInfo contactZone)
    {
        if (wait.Duration is { } duration)
        {
            return reachedAt + duration;
        }

        var moment = wait.Until ?? throw new ArgumentException("A wait has a duration or an until moment.", nameof(wait));
        var localNow = TimeZoneInfo.ConvertTime(reachedAt, contactZone);
        for (var day = 0; day <= 7; day++)
        {
            var date = DateOnly.FromDateTime(localNow.DateTime).AddDays(day);
            if (!moment.Days.Contains(date.DayOfWeek))
            {
                continue;
            }

            var candidate = ToInstant(date.ToDateTime(moment.Time), contactZone);
            if (candidate > reachedAt)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("A weekly moment always recurs within eight days.");
    }

    /// <summary>A local wall-clock time as an instant; a time skipped by a clock change moves an hour later.</summary>
    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
