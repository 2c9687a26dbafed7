using Abm.RecommenderQuality;
using Xunit.Abstractions;

namespace Abm.Server.Tests.Recommendations;

/// <summary>
/// The quality harness of the "quality" bench verb on a small market: the recommender, fed only through import,
/// sync and the event sink, must rank the buyers' hidden interests better than popularity and random.
/// </summary>
public sealed class RecommenderQualityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Recommendations_SmallSimulatedMarket_BeatPopularityAndRandomOnNdcg()
    {
        var options = new QualityRunOptions { Accounts = 25, Days = 4 };
        await using var world = await QualityWorld.StartAsync(options, TimeProvider.System);
        await using var server = await AbmServerFactory.StartOverHttpAsync(new Dictionary<string, string>(world.ServerSettings));
        var log = new StringWriter();

        var report = await QualityHarness.RunAsync(world, new AbmUnderTest(server.HttpAddress, AbmServerFactory.OperatorKey, server.Services), log);

        report.Print(log);
        output.WriteLine(log.ToString());
        report.Ours.Evaluated.ShouldBeGreaterThan(100);
        report.Ours.Ndcg.ShouldBeGreaterThan(report.Popularity.Ndcg);
        report.Ours.Ndcg.ShouldBeGreaterThan(report.Random.Ndcg);
    }
}
