namespace Abm.Engines.Analytics;

/// <summary>One bucket of a series: the days it covers, both inclusive, clipped to the asked range.</summary>
public readonly record struct PeriodSpan(DateOnly Start, DateOnly End);

/// <summary>Cuts a date range into the calendar periods it touches.</summary>
public static class PeriodCalendar
{
    /// <summary>The first day of the calendar period that holds <paramref name="day"/>.</summary>
    public static DateOnly StartOf(DateOnly day, AnalyticsPeriod period) => period switch
    {
        AnalyticsPeriod.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        AnalyticsPeriod.Month => new DateOnly(day.Year, day.Month, 1),
        AnalyticsPeriod.Quarter => new DateOnly(day.Year, ((day.Month - 1) / 3 * 3) + 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "Unknown period."),
    };

    /// <summary>The periods from <paramref name="from"/> to <paramref name="to"/> (inclusive), in order, the first and last clipped to the range.</summary>
    public static IReadOnlyList<PeriodSpan> Spans(DateOnly from, DateOnly to, AnalyticsPeriod period)
    {
        if (to < from)
        {
            throw new ArgumentException("The range ends before it starts.", nameof(to));
        }

        var spans = new List<PeriodSpan>();
        for (var start = StartOf(from, period); start <= to; start = Next(start, period))
        {
            var end = Next(start, period).AddDays(-1);
            spans.Add(new PeriodSpan(start < from ? from : start, end > to ? to : end));
        }

        return spans;
    }

    /// <summary>The index in <paramref name="spans"/> of the span holding <paramref name="day"/>, or -1 when it is outside them all.</summary>
    public static int IndexOf(IReadOnlyList<PeriodSpan> spans, DateOnly day)
    {
        int low = 0, high = spans.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (day < spans[middle].Start)
            {
                high = middle - 1;
            }
            else if (day > spans[middle].End)
            {
                low = middle + 1;
            }
            else
            {
                return middle;
            }
        }

        return -1;
    }

    private static DateOnly Next(DateOnly start, AnalyticsPeriod period) => period switch
    {
        AnalyticsPeriod.Week => start.AddDays(7),
        AnalyticsPeriod.Month => start.AddMonths(1),
        _ => start.AddMonths(3),
    };
}
