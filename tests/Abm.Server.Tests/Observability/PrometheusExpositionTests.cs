using System.Diagnostics.Metrics;
using Abm.Server.Features.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Server.Tests.Observability;

/// <summary>The text a Prometheus server scrapes, from instruments of one meter factory only.</summary>
public sealed class PrometheusExpositionTests
{
    [Fact]
    public void Write_CounterHistogramAndGauge_FollowsTheTextFormat()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        using var collector = new MetricsCollector(factory);
        var meter = factory.Create("Test");
        var calls = meter.CreateCounter<long>("test.calls", "{call}", "Calls \"made\".");
        var duration = meter.CreateHistogram<double>("test.duration", "s");
        var depth = 7;
        meter.CreateObservableGauge("test.depth", () => depth);
        calls.Add(2, new KeyValuePair<string, object?>("route", "/a\"b"));
        calls.Add(3, new KeyValuePair<string, object?>("route", "/a\"b"));
        duration.Record(0.02);
        duration.Record(3);
        using var otherFactory = new ServiceCollection().AddMetrics().BuildServiceProvider();
        otherFactory.GetRequiredService<IMeterFactory>().Create("Test").CreateCounter<long>("test.calls").Add(100);

        var text = PrometheusExposition.Write(collector.Collect());

        text.ShouldContain("# HELP test_calls_total Calls \"made\".\n# TYPE test_calls_total counter\ntest_calls_total{route=\"/a\\\"b\"} 5\n");
        text.ShouldContain("# TYPE test_duration_seconds histogram\n");
        text.ShouldContain("test_duration_seconds_bucket{le=\"0.01\"} 0\n");
        text.ShouldContain("test_duration_seconds_bucket{le=\"0.025\"} 1\n");
        text.ShouldContain("test_duration_seconds_bucket{le=\"2.5\"} 1\n");
        text.ShouldContain("test_duration_seconds_bucket{le=\"5\"} 2\n");
        text.ShouldContain("test_duration_seconds_bucket{le=\"+Inf\"} 2\n");
        text.ShouldContain("test_duration_seconds_sum 3.02\n");
        text.ShouldContain("test_duration_seconds_count 2\n");
        text.ShouldContain("# TYPE test_depth gauge\ntest_depth 7\n");
        text.ShouldNotContain(" 100\n", customMessage: "another factory's instruments are not this host's");
        collector.CountAbove("test.duration", 2).ShouldBe(1);
    }
}
