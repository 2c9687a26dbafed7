using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Abm.Server.Features.Observability;

/// <summary>
/// Aggregates every instrument created through this host's <see cref="IMeterFactory"/> (ours, the HubSpot
/// client's, ASP.NET Core's request durations): sums for counters, latest values for gauges, bucket counts for
/// histograms, per tag set. The scrape endpoint and the alert rules both read it, so what an alert says and
/// what a dashboard graphs come from the same numbers.
/// </summary>
internal sealed class MetricsCollector : IDisposable
{
    /// <summary>Bucket upper bounds for histograms: seconds for durations, wide enough for counts of requests left.</summary>
    public static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 1000];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<SeriesKey, Series> _series = new();

    public MetricsCollector(IMeterFactory factory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Every series, observable gauges read now.</summary>
    public IReadOnlyList<Series> Collect()
    {
        _listener.RecordObservableInstruments();
        return [.. _series.Values.OrderBy(s => s.Key.Name, StringComparer.Ordinal).ThenBy(s => s.Key.Tags, StringComparer.Ordinal)];
    }

    /// <summary>The sum (counters) or count (histograms) of <paramref name="name"/> over the series <paramref name="where"/> accepts.</summary>
    public double Total(string name, Func<IReadOnlyDictionary<string, string>, bool>? where = null) =>
        _series.Values.Where(s => s.Key.Name == name && (where is null || where(s.Labels))).Sum(s => s.Kind == SeriesKind.Histogram ? s.Count : s.Value);

    /// <summary>
    /// Histogram observations of <paramref name="name"/> above <paramref name="threshold"/>, over every series; the
    /// threshold is rounded up to the next bucket bound, since observations are only known by bucket.
    /// </summary>
    public double CountAbove(string name, double threshold)
    {
        var bucket = Array.FindIndex(Buckets, b => b >= threshold);
        return bucket < 0
            ? 0
            : _series.Values.Where(s => s.Key.Name == name && s.Kind == SeriesKind.Histogram).Sum(s => s.Count - s.CumulativeBuckets()[bucket]);
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (tag, tagValue) in tags)
        {
            labels[tag] = Convert.ToString(tagValue, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }

        var key = new SeriesKey(instrument.Name, string.Join(',', labels.Select(l => $"{l.Key}={l.Value}")));
        // An observable instrument reports its current value (a cumulative count for an observable counter), so the
        // latest observation is the value, as for a gauge.
        var kind = instrument switch
        {
            Histogram<double> or Histogram<long> or Histogram<int> => SeriesKind.Histogram,
            { IsObservable: true } or Gauge<double> or Gauge<long> or Gauge<int> => SeriesKind.Gauge,
            _ => SeriesKind.Counter,
        };
        var series = _series.GetOrAdd(key, k => new Series(k, labels, kind, instrument.Unit, instrument.Description));
        series.Add(value);
    }

    public void Dispose() => _listener.Dispose();

    internal readonly record struct SeriesKey(string Name, string Tags);

    internal enum SeriesKind
    {
        Counter,
        Gauge,
        Histogram,
    }

    /// <summary>One instrument with one tag set.</summary>
    internal sealed class Series(SeriesKey key, IReadOnlyDictionary<string, string> labels, SeriesKind kind, string? unit, string? description)
    {
        private readonly Lock _gate = new();
        private readonly long[] _buckets = new long[Buckets.Length + 1];
        private double _value;
        private long _count;

        public SeriesKey Key { get; } = key;

        public IReadOnlyDictionary<string, string> Labels { get; } = labels;

        public SeriesKind Kind { get; } = kind;

        public string? Unit { get; } = unit;

        public string? Description { get; } = description;

        /// <summary>The counter's sum, the gauge's latest value, or the histogram's sum of observations.</summary>
        public double Value { get { lock (_gate) { return _value; } } }

        public long Count { get { lock (_gate) { return _count; } } }

        /// <summary>Cumulative bucket counts, one per bound of <see cref="Buckets"/> and a last one for +Inf.</summary>
        public long[] CumulativeBuckets()
        {
            lock (_gate)
            {
                var cumulative = new long[_buckets.Length];
                long running = 0;
                for (var i = 0; i < _buckets.Length; i++)
                {
                    cumulative[i] = running += _buckets[i];
                }

                return cumulative;
            }
        }

        public void Add(double value)
        {
            lock (_gate)
            {
                switch (Kind)
                {
                    case SeriesKind.Gauge:
                        _value = value;
                        break;
                    case SeriesKind.Histogram:
                        _value += value;
                        _count++;
                        var bucket = Array.FindIndex(Buckets, b => value <= b);
                        _buckets[bucket < 0 ? Buckets.Length : bucket]++;
                        break;
                    default:
                        _value += value;
                        break;
                }
            }
        }
    }
}
