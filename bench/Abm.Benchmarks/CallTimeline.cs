using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace Abm.Benchmarks;

/// <summary>
/// When each HubSpot call of a run ended, by route, taken from the client's own duration histogram
/// (<c>abm.hubspot.request.duration</c>): says where a run's time went that its calls did not use (the wait
/// before the first call, the gaps, and the tail after the last one).
/// </summary>
internal sealed class CallTimeline : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Stopwatch _clock;
    private readonly List<(TimeSpan EndedAt, string Route, double Seconds)> _calls = [];

    public CallTimeline(Stopwatch clock)
    {
        _clock = clock;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "abm.hubspot.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            var route = "";
            foreach (var tag in tags)
            {
                route = tag.Key == "route" ? (string)tag.Value! : route;
            }

            lock (_calls)
            {
                _calls.Add((_clock.Elapsed, route, seconds));
            }
        });
        _listener.Start();
    }

    /// <summary>One line: first call's start, last call's end, the tail to <paramref name="runEnded"/>, and each route's last end.</summary>
    public string Describe(TimeSpan runEnded)
    {
        lock (_calls)
        {
            if (_calls.Count == 0)
            {
                return "call timeline: no calls seen";
            }

            var firstStart = _calls.Min(c => c.EndedAt - TimeSpan.FromSeconds(c.Seconds));
            var lastEnd = _calls.Max(c => c.EndedAt);
            var routes = _calls.GroupBy(c => c.Route)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} x{g.Count()} until {g.Max(c => c.EndedAt).TotalSeconds:F1} s"));
            return string.Create(CultureInfo.InvariantCulture,
                $"call timeline: first call sent at {firstStart.TotalSeconds:F2} s, last answered at {lastEnd.TotalSeconds:F2} s, run ended at {runEnded.TotalSeconds:F2} s (tail {(runEnded - lastEnd).TotalSeconds:F2} s); {string.Join("; ", routes)}");
        }
    }

    public void Dispose() => _listener.Dispose();
}
