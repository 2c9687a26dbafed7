using Abm.Engines.Recommendations;
using BenchmarkDotNet.Attributes;

namespace Abm.Benchmarks;

/// <summary>Top-5 recommendations from 500 items, for one contact and for 1,000 contacts.</summary>
[MemoryDiagnoser]
public class RecommenderBenchmarks
{
    private RecommenderData _data = null!;
    private ContentRecommender _recommender = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = new RecommenderData(itemCount: 500, contactCount: 1_000, seed: 7);
        _recommender = _data.BuildRecommender();
    }

    [Benchmark]
    public int TopFiveForOneContact() => _recommender.Recommend(_data.Contacts[0], 5).Count;

    [Benchmark]
    public int TopFiveForThousandContacts() => _data.Contacts.Sum(contact => _recommender.Recommend(contact, 5).Count);

    [Benchmark]
    public ContentRecommender PrepareLibrary() => _data.BuildRecommender();
}
