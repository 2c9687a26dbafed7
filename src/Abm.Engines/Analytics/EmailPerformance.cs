namespace Abm.Engines.Analytics;

/// <summary>Email activity on one UTC day: sends, opens, clicks.</summary>
public readonly record struct DailyEmailActivity(DateOnly Day, long Sends, long Opens, long Clicks);

/// <summary>Email activity in one period (or the whole range) and the clicks per open (null when nothing was opened).</summary>
public sealed record EmailPeriod(DateOnly Start, DateOnly End, long Sends, long Opens, long Clicks, double? ClicksPerOpen);

/// <summary>Email performance over a range, period by period.</summary>
public sealed record EmailReport(EmailPeriod Total, IReadOnlyList<EmailPeriod> Periods);

/// <summary>Sums daily email activity into periods.</summary>
public static class EmailPerformance
{
    /// <summary>Days outside the range are ignored.</summary>
    public static EmailReport Compute(IReadOnlyCollection<DailyEmailActivity> days, DateOnly from, DateOnly to, AnalyticsPeriod period)
    {
        ArgumentNullException.ThrowIfNull(days);
        var spans = PeriodCalendar.Spans(from, to, period);
        var sends = PeriodSums.Of(spans, days.Select(d => new DailyCount(d.Day, d.Sends)));
        var opens = PeriodSums.Of(spans, days.Select(d => new DailyCount(d.Day, d.Opens)));
        var clicks = PeriodSums.Of(spans, days.Select(d => new DailyCount(d.Day, d.Clicks)));
        var periods = spans.Select((span, i) => Period(span.Start, span.End, sends[i], opens[i], clicks[i])).ToList();
        return new EmailReport(Period(from, to, sends.Sum(), opens.Sum(), clicks.Sum()), periods);
    }

    private static EmailPeriod Period(DateOnly start, DateOnly end, long sends, long opens, long clicks) =>
        new(start, end, sends, opens, clicks, opens == 0 ? null : (double)clicks / opens);
}
