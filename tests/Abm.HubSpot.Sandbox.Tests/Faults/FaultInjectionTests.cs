using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Faults;

public sealed class FaultInjectionTests
{
    private static async Task AddFaultAsync(TestSandbox sandbox, object rule)
    {
        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/_sandbox/faults", rule);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body?.ToJsonString());
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(423)]
    public async Task Get_RouteWithCertainError_ReturnsThatStatusWithHubSpotBody(int status)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await AddFaultAsync(sandbox, new { route = "GET /crm/v3/objects/contacts*", errorRates = new Dictionary<string, double> { [status.ToString()] = 1.0 } });

        var (faulted, body) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts");
        var (other, _) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/companies");

        ((int)faulted.StatusCode).ShouldBe(status);
        body!["status"]!.GetValue<string>().ShouldBe("error");
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_RuleForAnotherPortal_LeavesThisPortalAlone()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await AddFaultAsync(sandbox, new { portalId = 1, errorRates = new Dictionary<string, double> { ["500"] = 1.0 } });

        var (response, _) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_HalfErrorRateSameSeed_SameSequenceInTwoSandboxes()
    {
        var sequences = new List<string>();
        for (var run = 0; run < 2; run++)
        {
            await using var sandbox = await TestSandbox.StartAsync();
            await AddFaultAsync(sandbox, new { seed = 7, errorRates = new Dictionary<string, double> { ["503"] = 0.5 } });
            var statuses = new List<int>();
            for (var i = 0; i < 20; i++)
            {
                statuses.Add((int)(await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts?limit=1")).Response.StatusCode);
            }

            statuses.ShouldContain(503);
            statuses.ShouldContain(200);
            sequences.Add(string.Join(',', statuses));
        }

        sequences[1].ShouldBe(sequences[0]);
    }

    [Fact]
    public async Task Get_WithLatency_AnswersNoSooner()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await AddFaultAsync(sandbox, new { latencyMs = 150 });
        var watch = Stopwatch.StartNew();

        var (response, _) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        watch.ElapsedMilliseconds.ShouldBeGreaterThanOrEqualTo(140);
    }

    [Fact]
    public async Task Get_Timeout_ClientGivesUpAndCounterRecordsNoAnswer()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        // Warm the request path first: on a cold process the first request can take longer than the client's
        // patience before it even reaches the sandbox, and then there is nothing to count.
        (await sandbox.Http.GetAsync("/crm/v3/objects/contacts")).EnsureSuccessStatusCode();
        await sandbox.SendAsync(HttpMethod.Delete, "/_sandbox/counters");
        await AddFaultAsync(sandbox, new { timeoutRate = 1.0, timeoutMs = 5000 });
        using var client = sandbox.ClientFor(sandbox.Portal.AccessToken);
        client.Timeout = TimeSpan.FromMilliseconds(1000);

        await Should.ThrowAsync<TaskCanceledException>(() => client.GetAsync("/crm/v3/objects/contacts"));

        // The sandbox records the request once it notices the abandoned connection, which takes a moment under load.
        var recorded = false;
        var seen = "";
        for (var attempt = 0; attempt < 100 && !recorded; attempt++)
        {
            var (_, counters) = await sandbox.SendAsync(HttpMethod.Get, "/_sandbox/counters");
            seen = counters!.ToJsonString();
            recorded = counters["results"]!.AsArray().Any(c => c!["status"]!.GetValue<int>() == 0);
            if (!recorded)
            {
                await Task.Delay(100);
            }
        }

        recorded.ShouldBeTrue($"no request was counted with status 0 (no answer) within 10 s; counters: {seen}");
    }

    [Fact]
    public async Task Get_DroppedConnection_ThrowsHttpRequestException()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await AddFaultAsync(sandbox, new { dropRate = 1.0 });

        await Should.ThrowAsync<HttpRequestException>(() => sandbox.Http.GetAsync("/crm/v3/objects/contacts"));
    }

    [Theory]
    [InlineData("truncateRate")]
    [InlineData("malformedRate")]
    public async Task Get_MangledBody_Returns200WithUnparseableJson(string kind)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await AddFaultAsync(sandbox, new Dictionary<string, object> { [kind] = 1.0 });

        var response = await sandbox.Http.GetAsync("/crm/v3/objects/contacts");
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        text.ShouldNotBeEmpty();
        Should.Throw<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task AddFault_RatesAboveOne_Returns400()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, _) = await sandbox.SendAsync(HttpMethod.Post, "/_sandbox/faults", new { dropRate = 0.7, timeoutRate = 0.6 });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
