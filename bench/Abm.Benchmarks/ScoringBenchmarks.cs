using BenchmarkDotNet.Attributes;

namespace Abm.Benchmarks;

/// <summary>Full scoring pass over 1,000,000 events for 100,000 contacts: the fast path against the LINQ baseline.</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private ScoringData _data = null!;

    [GlobalSetup]
    public void Setup() => _data = new ScoringData(contactCount: 100_000, eventCount: 1_000_000, seed: 42);

    [Benchmark(Baseline = true)]
    public double[] LinqBaseline() => _data.ScoreLinq();

    [Benchmark]
    public int FastPath() => _data.ScoreFast().Length;
}
