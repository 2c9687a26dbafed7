using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Tests.Sync;

namespace Abm.Server.Tests.Observability;

/// <summary>The Prometheus scrape endpoint and the alerts, against a server syncing the sandbox over HTTP.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AfterAFullSync_HubSpotCallCountsMatchTheSandboxsOwnCounters()
    {
        await using var harness = await SyncHarness.StartAsync(accounts: 10);

        (await harness.SyncAsync()).GetProperty("status").GetString().ShouldBe("succeeded");

        // Compared once both sides settle: a run's last calls may still be counted as the run row turns to succeeded.
        Dictionary<string, double> ours = [], theirs = [];
        await Eventually.WaitForAsync<object>(async () =>
        {
            ours = ByStatus(await ScrapeAsync(harness.Server), "abm_hubspot_requests_total");
            theirs = await SandboxCountsByStatusAsync(harness.HubSpot);
            return ours.OrderBy(p => p.Key).SequenceEqual(theirs.OrderBy(p => p.Key)) ? ours : null;
        }, $"our HubSpot call counts matching the sandbox's (ours {Show(ours)}, sandbox {Show(theirs)})", timeoutSeconds: 30);
        ours.Values.Sum().ShouldBeGreaterThan(10);
        var text = await ScrapeAsync(harness.Server);
        text.ShouldContain("# TYPE abm_sync_records_total counter");
        text.ShouldContain("abm_sync_records_total{object_type=\"contacts\"}");
        text.ShouldContain("# TYPE abm_hubspot_request_duration_seconds histogram");
        text.ShouldContain("abm_hubspot_request_duration_seconds_bucket{method=\"GET\",");
        text.ShouldContain("# TYPE abm_webhooks_inbox_depth gauge");
        text.ShouldContain("http_server_request_duration_seconds_count");
    }

    [Fact]
    public async Task Metrics_WithoutTheOperatorKey_AreRefused()
    {
        await using var server = await AbmServerFactory.StartAsync();
        using var anonymous = server.CreateClient();
        var (_, adminKey) = await server.CreateKeyAsync("admin");
        using var admin = server.ClientWithKey(adminKey);

        (await anonymous.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await admin.GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var scraped = await server.OperatorClient().GetAsync("/metrics");
        scraped.StatusCode.ShouldBe(HttpStatusCode.OK);
        scraped.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
    }

    [Fact]
    public async Task Alerts_HubSpotFailingOneCallInFive_RaisesTheAlertOnceAndPostsItToTheWebhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = await SyncHarness.StartAsync(accounts: 10, settings: new()
        {
            ["Alerts:EvaluateSeconds"] = "1",
            ["Alerts:MinimumCalls"] = "5",
            ["Alerts:WebhookUrl"] = receiver.Url,
        });
        (await harness.HubSpot.PostAsJsonAsync("/_sandbox/faults", new
        {
            route = "*", seed = 5, errorRates = new Dictionary<int, double> { [503] = 0.2 },
        })).EnsureSuccessStatusCode();

        (await harness.SyncAsync()).GetProperty("status").GetString().ShouldBe("succeeded");
        ByStatus(await ScrapeAsync(harness.Server), "abm_hubspot_requests_total").GetValueOrDefault("503").ShouldBeGreaterThan(0);

        var alerts = await Eventually.WaitForValueAsync(async () =>
        {
            var answer = await harness.Server.OperatorClient().GetFromJsonAsync<JsonElement>("/api/alerts");
            return answer.GetProperty("alerts").EnumerateArray().Any(a => a.GetProperty("id").GetString() == "hubspot_failure_rate") ? answer : (JsonElement?)null;
        }, "the HubSpot failure alert", timeoutSeconds: 30);
        var alert = alerts.GetProperty("alerts").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "hubspot_failure_rate");
        alert.GetProperty("summary").GetString()!.ShouldContain("HubSpot API failures");
        alert.GetProperty("whatToCheck").GetString().ShouldNotBeNullOrWhiteSpace();
        var posted = await Eventually.WaitForAsync<string>(
            () => Task.FromResult<string?>(receiver.Posts.FirstOrDefault(p => p.Contains("HubSpot API failures", StringComparison.Ordinal))), "the alert's post", timeoutSeconds: 30);
        posted.ShouldContain("\"text\"");
        posted.ShouldContain("What to check");
        receiver.Posts.Count(p => p.Contains("HubSpot API failures", StringComparison.Ordinal)).ShouldBe(1, "an alert that holds is posted once");
    }

    private static string Show(Dictionary<string, double> counts) => string.Join(", ", counts.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"));

    private static async Task<string> ScrapeAsync(AbmServerFactory server) => await server.OperatorClient().GetStringAsync("/metrics");

    /// <summary>Sums a counter's lines by their status label.</summary>
    private static Dictionary<string, double> ByStatus(string exposition, string metric) => exposition.Split('\n')
        .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal))
        .Select(line => (Status: Label(line, "status"), Value: double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)))
        .GroupBy(s => s.Status).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));

    private static string Label(string line, string name)
    {
        var start = line.IndexOf(name + "=\"", StringComparison.Ordinal) + name.Length + 2;
        return line[start..line.IndexOf('"', start)];
    }

    private static async Task<Dictionary<string, double>> SandboxCountsByStatusAsync(HttpClient hubSpot)
    {
        var counters = await hubSpot.GetFromJsonAsync<JsonElement>("/_sandbox/counters");
        return counters.GetProperty("results").EnumerateArray()
            .GroupBy(c => c.GetProperty("status").GetInt32().ToString(CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Sum(c => (double)c.GetProperty("count").GetInt64()));
    }
}
