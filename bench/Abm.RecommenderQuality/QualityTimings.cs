using System.Diagnostics;
using System.Globalization;

namespace Abm.RecommenderQuality;

/// <summary>Wall-clock time of each phase of a run, in the order they ran, each also logged as it ends.</summary>
public sealed class QualityTimings(TextWriter log)
{
    private readonly List<(string Phase, TimeSpan Elapsed)> _phases = [];

    public IReadOnlyList<(string Phase, TimeSpan Elapsed)> Phases => _phases;

    public TimeSpan Total => _phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Elapsed);

    public async Task MeasureAsync(string phase, Func<Task> work) =>
        await MeasureAsync(phase, async () =>
        {
            await work();
            return true;
        });

    public async Task<T> MeasureAsync<T>(string phase, Func<Task<T>> work)
    {
        var clock = Stopwatch.StartNew();
        var result = await work();
        _phases.Add((phase, clock.Elapsed));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{phase}: {clock.Elapsed.TotalSeconds:F1} s"));
        return result;
    }
}
