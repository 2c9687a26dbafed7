namespace Abm.Engines.Analytics;

/// <summary>Where a deal stands: still open, closed won or closed lost.</summary>
public enum DealOutcome
{
    /// <summary>In a stage that is neither won nor lost.</summary>
    Open,

    /// <summary>Closed won.</summary>
    Won,

    /// <summary>Closed lost.</summary>
    Lost,
}

/// <summary>What deal analytics needs of one deal. Times are UTC.</summary>
public sealed record DealFacts(string? Stage, decimal? Amount, DateTime? CreatedAt, DateTime? ClosedAt, DealOutcome Outcome);

/// <summary>The open pipeline in one stage: how many deals and their summed amount (deals without one add nothing).</summary>
public sealed record StageValue(string Stage, long Deals, decimal Value);

/// <summary>
/// Deals closed in one period (or the whole range): won, lost, the win rate (won over closed, null when none
/// closed), the value won, and the mean days from creation to close of the won ones that have both dates.
/// </summary>
public sealed record DealPeriod(DateOnly Start, DateOnly End, long Won, long Lost, double? WinRate, decimal WonValue, double? AverageCycleDays);

/// <summary>Deal analytics: the open pipeline by stage now, and closed deals by the period they closed in.</summary>
public sealed record DealReport(IReadOnlyList<StageValue> OpenPipeline, DealPeriod Total, IReadOnlyList<DealPeriod> Periods);

/// <summary>Computes <see cref="DealReport"/> from deal facts.</summary>
public static class DealAnalytics
{
    /// <summary>Closed deals count in the period of their close day; open deals count in the pipeline whatever their dates.</summary>
    public static DealReport Compute(IEnumerable<DealFacts> deals, DateOnly from, DateOnly to, AnalyticsPeriod period)
    {
        ArgumentNullException.ThrowIfNull(deals);
        var spans = PeriodCalendar.Spans(from, to, period);
        var periods = spans.Select(_ => new ClosedTally()).ToArray();
        var total = new ClosedTally();
        var pipeline = new Dictionary<string, (long Deals, decimal Value)>(StringComparer.Ordinal);
        foreach (var deal in deals)
        {
            if (deal.Outcome == DealOutcome.Open)
            {
                var stage = string.IsNullOrWhiteSpace(deal.Stage) ? Distribution.Unknown : deal.Stage;
                var (count, value) = pipeline.GetValueOrDefault(stage);
                pipeline[stage] = (count + 1, value + (deal.Amount ?? 0));
            }
            else if (deal.ClosedAt is { } closedAt && PeriodCalendar.IndexOf(spans, DateOnly.FromDateTime(closedAt)) is var index and >= 0)
            {
                periods[index].Add(deal);
                total.Add(deal);
            }
        }

        return new DealReport(
            [.. pipeline.OrderByDescending(p => p.Value.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => new StageValue(p.Key, p.Value.Deals, p.Value.Value))],
            total.ToPeriod(from, to),
            [.. spans.Select((span, i) => periods[i].ToPeriod(span.Start, span.End))]);
    }

    private sealed class ClosedTally
    {
        private long _won;
        private long _lost;
        private decimal _wonValue;
        private long _cycles;
        private double _cycleDays;

        public void Add(DealFacts deal)
        {
            if (deal.Outcome == DealOutcome.Lost)
            {
                _lost++;
                return;
            }

            _won++;
            _wonValue += deal.Amount ?? 0;
            // A deal recorded as closed before it was created (imported history) has no meaningful cycle.
            if (deal.CreatedAt is { } created && deal.ClosedAt is { } closed && closed >= created)
            {
                _cycles++;
                _cycleDays += (closed - created).TotalDays;
            }
        }

        public DealPeriod ToPeriod(DateOnly start, DateOnly end) => new(
            start, end, _won, _lost, _won + _lost == 0 ? null : (double)_won / (_won + _lost), _wonValue, _cycles == 0 ? null : _cycleDays / _cycles);
    }
}
