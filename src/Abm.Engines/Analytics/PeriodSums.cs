namespace Abm.Engines.Analytics;

/// <summary>Adds daily counts into the periods that hold their days; the one place days become periods.</summary>
public static class PeriodSums
{
    /// <summary>One total per span; counts whose day lies in no span are left out.</summary>
    public static long[] Of(IReadOnlyList<PeriodSpan> spans, IEnumerable<DailyCount> counts)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(counts);
        var sums = new long[spans.Count];
        foreach (var count in counts)
        {
            if (PeriodCalendar.IndexOf(spans, count.Day) is var index and >= 0)
            {
                sums[index] += count.Count;
            }
        }

        return sums;
    }
}
