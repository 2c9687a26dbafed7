using Abm.HubSpot.Auth;
using Abm.HubSpot.Crm;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Tests.Infrastructure;

namespace Abm.HubSpot.Tests.Resilience;

public sealed class RetryTests
{
    private static async Task<List<string>> ReadAllContactIdsAsync(HubSpotClient client, CancellationToken cancellationToken = default)
    {
        var ids = new List<string>();
        await foreach (var page in client.Crm.ListPagesAsync(CrmObjectTypes.Contacts, new CrmReadOptions { PageSize = 20 }, cancellationToken: cancellationToken))
        {
            ids.AddRange(page.Results.Select(r => r.Id));
        }

        return ids;
    }

    [Fact]
    public async Task ListPagesAsync_30PercentRateLimitAndServerErrors_ReadsEveryRecordWithBoundedRetries()
    {
        await using var portal = await TestPortal.StartAsync(new SandboxPortalOptions { Accounts = 10 });
        var expected = await portal.RecordCountAsync("contacts");
        await portal.AddFaultAsync(new { route = "GET /crm/v3/objects/contacts", seed = 7, errorRates = new Dictionary<int, double> { [429] = 0.075, [500] = 0.075, [502] = 0.075, [503] = 0.075 } });

        var ids = await ReadAllContactIdsAsync(portal.Client());

        ids.Count.ShouldBe(expected);
        ids.Distinct().Count().ShouldBe(expected);
        var pages = (expected + 19) / 20;
        var failed = await portal.CountAsync("GET /crm/v3/objects/{type}", 429) + await portal.CountAsync("GET /crm/v3/objects/{type}", 500)
            + await portal.CountAsync("GET /crm/v3/objects/{type}", 502) + await portal.CountAsync("GET /crm/v3/objects/{type}", 503);
        failed.ShouldBeGreaterThan(0);
        (await portal.CountAsync("GET /crm/v3/objects/{type}", 200)).ShouldBe(pages);
        (await portal.CountAsync("GET /crm/v3/objects/{type}")).ShouldBeLessThanOrEqualTo(pages * 7);
    }

    [Fact]
    public async Task ListPagesAsync_DroppedTimedOutTruncatedAndMalformedAnswers_ReadsEveryRecord()
    {
        await using var portal = await TestPortal.StartAsync(new SandboxPortalOptions { Accounts = 10 });
        var expected = await portal.RecordCountAsync("contacts");
        await portal.AddFaultAsync(new { route = "GET /crm/v3/objects/contacts", seed = 3, dropRate = 0.1, timeoutRate = 0.05, timeoutMs = 3000, truncateRate = 0.1, malformedRate = 0.1 });

        var ids = await ReadAllContactIdsAsync(portal.Client(configure: o => o.Retries.AttemptTimeout = TimeSpan.FromSeconds(3)));

        ids.Count.ShouldBe(expected);
        ids.Distinct().Count().ShouldBe(expected);
        (await portal.CountAsync("GET /crm/v3/objects/{type}", 0)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task GetAsync_ServerErrorEveryTime_GivesUpAfterTheRetryBudget()
    {
        await using var portal = await TestPortal.StartAsync();
        await portal.AddFaultAsync(new { route = "*", errorRates = new Dictionary<int, double> { [503] = 1.0 } });
        var client = portal.Client(configure: o => o.Retries.MaxRetryAttempts = 3);

        var error = await Should.ThrowAsync<HubSpotApiException>(() => client.Crm.ListPageAsync(CrmObjectTypes.Contacts));

        error.StatusCode.ShouldBe(System.Net.HttpStatusCode.ServiceUnavailable);
        error.Category.ShouldBe("SERVICE_UNAVAILABLE");
        (await portal.CountAsync("GET /crm/v3/objects/{type}", 503)).ShouldBe(4);
    }

    [Fact]
    public async Task ListPageAsync_LockedResource_WaitsAtLeastTwoSecondsBeforeRetrying()
    {
        await using var portal = await TestPortal.StartAsync();
        await portal.AddFaultAsync(new { route = "*", seed = 1, errorRates = new Dictionary<int, double> { [423] = 0.5 } });
        var client = portal.Client();
        var started = portal.Time.GetTimestamp();

        for (var i = 0; i < 6; i++)
        {
            await client.Crm.ListPageAsync(CrmObjectTypes.Contacts, new CrmReadOptions { PageSize = 1 });
        }

        var locked = await portal.CountAsync("GET /crm/v3/objects/{type}", 423);
        locked.ShouldBeGreaterThan(0);
        portal.Time.GetElapsedTime(started).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2 * locked));
    }

    [Fact]
    public async Task ListPageAsync_BadPrivateToken_FailsFastWithoutRetrying()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client(HubSpotAuthentication.PrivateApp("pat-na1-00000000-0000-0000-0000-000000000000"));

        var error = await Should.ThrowAsync<HubSpotAuthenticationException>(() => client.Crm.ListPageAsync(CrmObjectTypes.Contacts));

        error.StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        error.Category.ShouldBe("INVALID_AUTHENTICATION");
        error.CorrelationId.ShouldNotBeNullOrEmpty();
        (await portal.CountAsync("GET /crm/v3/objects/{type}")).ShouldBe(1);
    }

    [Fact]
    public async Task ListPagesAsync_Cancelled_StopsPromptly()
    {
        await using var portal = await TestPortal.StartAsync();
        await portal.AddFaultAsync(new { route = "*", latencyMs = 20_000 });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await Should.ThrowAsync<OperationCanceledException>(() => ReadAllContactIdsAsync(portal.Client(), cancellation.Token));

        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }
}
