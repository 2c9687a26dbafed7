namespace Abm.Server.Dashboard;

/// <summary>How a daily trend is drawn: which days a chosen span shows and which of them get an axis label.</summary>
internal static class TrendView
{
    /// <summary>The spans a trend can show, in days.</summary>
    public static readonly IReadOnlyList<int> Spans = [30, 90];

    /// <summary>The days of the last <paramref name="span"/> days up to <paramref name="today"/>, oldest first.</summary>
    public static IReadOnlyList<T> Within<T>(IReadOnlyList<T> days, Func<T, DateOnly> dayOf, int span, DateOnly today)
    {
        var first = today.AddDays(-(span - 1));
        return [.. days.Where(d => dayOf(d) >= first && dayOf(d) <= today).OrderBy(dayOf)];
    }

    /// <summary>
    /// One label per point, most of them blank: 90 dates under a phone-wide chart would overlap. About six dates
    /// are written, always the first and the last.
    /// </summary>
    public static string[] AxisLabels(IReadOnlyList<DateOnly> days)
    {
        var step = Math.Max(1, (int)Math.Ceiling(days.Count / 6.0));
        return [.. days.Select((day, i) => i % step == 0 || i == days.Count - 1 ? day.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture) : "")];
    }
}
