namespace Abm.Engines.Analytics;

/// <summary>New contacts in one period and how many existed by its end.</summary>
public sealed record ContactGrowthPeriod(DateOnly Start, DateOnly End, long New, long Cumulative);

/// <summary>Contact growth over a range, period by period.</summary>
public static class ContactGrowth
{
    /// <summary>
    /// Sums contacts created per day into periods. <paramref name="existingBefore"/> is how many existed before the
    /// range starts, so the cumulative count of the last period is every contact created up to the range's end.
    /// Days outside the range are ignored.
    /// </summary>
    public static IReadOnlyList<ContactGrowthPeriod> Compute(
        IEnumerable<DailyCount> createdPerDay, long existingBefore, DateOnly from, DateOnly to, AnalyticsPeriod period)
    {
        ArgumentNullException.ThrowIfNull(createdPerDay);
        var spans = PeriodCalendar.Spans(from, to, period);
        var counts = PeriodSums.Of(spans, createdPerDay);
        var result = new List<ContactGrowthPeriod>(spans.Count);
        var cumulative = existingBefore;
        for (var i = 0; i < spans.Count; i++)
        {
            cumulative += counts[i];
            result.Add(new ContactGrowthPeriod(spans[i].Start, spans[i].End, counts[i], cumulative));
        }

        return result;
    }
}
