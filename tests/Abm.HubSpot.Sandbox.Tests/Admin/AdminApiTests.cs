using System.Net;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Admin;

public sealed class AdminApiTests
{
    [Fact]
    public async Task CreatePortal_StarterTier_ReturnsWorkingTokenWithStarterLimits()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (created, portal) = await sandbox.SendAsync(HttpMethod.Post, "/_sandbox/portals", new { tier = "starter", accounts = 2, seed = 9 });
        using var client = sandbox.ClientFor(portal!["accessToken"]!.GetValue<string>());
        var (response, companies) = await TestSandbox.SendAsync(client, HttpMethod.Get, "/crm/v3/objects/companies");

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        portal["tier"]!.GetValue<string>().ShouldBe("starter");
        portal["records"]!["companies"]!.GetValue<int>().ShouldBe(2);
        companies!["results"]!.AsArray().Count.ShouldBe(2);
        response.Headers.GetValues("X-HubSpot-RateLimit-Max").Single().ShouldBe("100");
        sandbox.Host.Portals.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Reseed_AfterChanges_RestoresTheSeededData()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (_, before) = await sandbox.SendAsync(HttpMethod.Get, $"/_sandbox/portals/{sandbox.Portal.PortalId}");
        await sandbox.CreateContactAsync("extra@example.com");

        var (response, after) = await sandbox.SendAsync(HttpMethod.Post, $"/_sandbox/portals/{sandbox.Portal.PortalId}/reseed");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        after!["records"]!["contacts"]!.GetValue<int>().ShouldBe(before!["records"]!["contacts"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reseed_WithMoreAccounts_GrowsThePortal()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (_, after) = await sandbox.SendAsync(HttpMethod.Post, $"/_sandbox/portals/{sandbox.Portal.PortalId}/reseed", new { accounts = 7 });

        after!["records"]!["companies"]!.GetValue<int>().ShouldBe(7);
    }

    [Fact]
    public async Task Clock_SetSpeedAndAdvance_MovesSimulatedTime()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (_, advanced) = await sandbox.SendAsync(HttpMethod.Post, "/_sandbox/clock/advance", new { minutes = 90 });
        var (_, set) = await sandbox.SendAsync(HttpMethod.Put, "/_sandbox/clock", new { speed = 60.0 });

        advanced!["now"]!.GetValue<string>().ShouldBe("2026-03-02T10:30:00.000Z");
        set!["speed"]!.GetValue<double>().ShouldBe(60.0);
        sandbox.Host.Clock.Speed.ShouldBe(60.0);
    }

    [Fact]
    public async Task Counters_AfterCallsAnd429_CountByRouteAndStatus()
    {
        var options = TestSandbox.Options() with { Portals = [new() { Accounts = 0, BurstLimit = 2 }] };
        await using var sandbox = await TestSandbox.StartAsync(options);
        for (var i = 0; i < 3; i++)
        {
            await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts");
        }

        var (_, counters) = await sandbox.SendAsync(HttpMethod.Get, "/_sandbox/counters");

        var results = counters!["results"]!.AsArray();
        var ok = results.Single(c => c!["status"]!.GetValue<int>() == 200)!;
        ok["route"]!.GetValue<string>().ShouldBe("GET /crm/v3/objects/{type}");
        ok["count"]!.GetValue<long>().ShouldBe(2);
        ok["portalId"]!.GetValue<long>().ShouldBe(sandbox.Portal.PortalId);
        results.Single(c => c!["status"]!.GetValue<int>() == 429)!["count"]!.GetValue<long>().ShouldBe(1);
        counters["total"]!.GetValue<long>().ShouldBe(3);
    }

    [Fact]
    public async Task Reset_AfterFaultsAndCalls_ClearsFaultsCountersAndData()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await sandbox.SendAsync(HttpMethod.Post, "/_sandbox/faults", new { route = "*", errorRates = new Dictionary<string, double> { ["500"] = 1.0 } });
        await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts");

        var (reset, _) = await sandbox.SendAsync(HttpMethod.Post, "/_sandbox/reset");
        var (_, faults) = await sandbox.SendAsync(HttpMethod.Get, "/_sandbox/faults");
        var (_, counters) = await sandbox.SendAsync(HttpMethod.Get, "/_sandbox/counters");
        var (call, _) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts");

        reset.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        faults!["results"]!.AsArray().ShouldBeEmpty();
        counters!["total"]!.GetValue<long>().ShouldBe(0);
        call.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
