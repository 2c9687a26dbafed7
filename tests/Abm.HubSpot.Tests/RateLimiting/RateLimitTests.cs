using Abm.HubSpot.Crm;
using Abm.HubSpot.RateLimiting;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Search;
using Abm.HubSpot.Tests.Infrastructure;

namespace Abm.HubSpot.Tests.RateLimiting;

[Collection(TimingSensitiveTests.Name)]
public sealed class RateLimitTests
{
    [Fact]
    public async Task ListPageAsync_BurstOf500CallsAtProfessionalTier_StaysUnderTheLimit()
    {
        await using var portal = await TestPortal.StartAsync(new SandboxPortalOptions { Accounts = 2, Tier = SandboxTier.Professional }, TimingSensitiveTests.Speed);
        await portal.WarmUpAsync();
        var client = portal.Client(configure: o => o.RateLimits.Tier = HubSpotTier.Professional);

        await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => client.Crm.ListPageAsync(CrmObjectTypes.Contacts, new CrmReadOptions { PageSize = 1 })));

        var rejected = await portal.CountAsync("GET /crm/v3/objects/{type}", 429);
        (await portal.CountAsync("GET /crm/v3/objects/{type}", 200)).ShouldBe(500);
        rejected.ShouldBeLessThanOrEqualTo(5);
    }

    [Fact]
    public async Task ListPageAsync_PortalLimitLowerThanConfigured_AdoptsTheLimitFromHeaders()
    {
        await using var portal = await TestPortal.StartAsync(new SandboxPortalOptions { Accounts = 2, BurstLimit = 40 }, TimingSensitiveTests.Speed);
        await portal.WarmUpAsync();
        var client = portal.Client(configure: o => o.RateLimits.Tier = HubSpotTier.Enterprise);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.Crm.ListPageAsync(CrmObjectTypes.Contacts, new CrmReadOptions { PageSize = 1 })));

        client.BurstPacing.Burst.ShouldBe(1);
        client.BurstPacing.PerSecond.ShouldBe(3.8, 0.01); // (40 - a burst of 1 - a margin of 1) per 10 s
        (await portal.CountAsync("GET /crm/v3/objects/{type}", 200)).ShouldBe(100);
        // Only the calls sent before the first answer revealed the lower limit may meet a 429.
        (await portal.CountAsync("GET /crm/v3/objects/{type}", 429)).ShouldBeLessThanOrEqualTo(10);
    }

    [Fact]
    public async Task SearchAsync_BurstOf40Searches_StaysUnderTheSearchLimit()
    {
        await using var portal = await TestPortal.StartAsync(speed: TimingSensitiveTests.Speed);
        await portal.WarmUpAsync();
        var client = portal.Client();
        var request = new CrmSearchRequest { Limit = 1 };

        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.Search.SearchAsync(CrmObjectTypes.Contacts, request)));

        (await portal.CountAsync("/search", 200)).ShouldBe(40);
        (await portal.CountAsync("/search", 429)).ShouldBe(0);
    }

    [Fact]
    public async Task ListPageAsync_DailyBudgetDownToTheReserve_StopsBeforeSpendingIt()
    {
        await using var portal = await TestPortal.StartAsync(new SandboxPortalOptions { Accounts = 1, DailyLimit = 20 });
        var client = portal.Client(configure: o => o.RateLimits.DailyReserve = 5);

        var calls = 0;
        var error = await Should.ThrowAsync<HubSpotDailyLimitException>(async () =>
        {
            while (true)
            {
                await client.Crm.ListPageAsync(CrmObjectTypes.Contacts, new CrmReadOptions { PageSize = 1 });
                calls++;
            }
        });

        calls.ShouldBe(15);
        error.Message.ShouldContain("reserve");
        (await portal.CountAsync("GET /crm/v3/objects/{type}")).ShouldBe(15);
    }

    [Fact]
    public async Task ListPageAsync_DailyLimitReachedAtHubSpot_IsNotRetried()
    {
        await using var portal = await TestPortal.StartAsync(new SandboxPortalOptions { Accounts = 1, DailyLimit = 3 });
        var client = portal.Client(configure: o => o.RateLimits.DailyReserve = 0);
        for (var i = 0; i < 3; i++)
        {
            await client.Crm.ListPageAsync(CrmObjectTypes.Contacts);
        }

        // A second client knows nothing of the budget yet, so the call reaches HubSpot and meets 429 DAILY.
        var error = await Should.ThrowAsync<HubSpotDailyLimitException>(() => portal.Client().Crm.ListPageAsync(CrmObjectTypes.Contacts));

        error.PolicyName.ShouldBe("DAILY");
        (await portal.CountAsync("GET /crm/v3/objects/{type}", 429)).ShouldBe(1);
    }
}
