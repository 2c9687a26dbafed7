using System.Net;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.RateLimits;

public sealed class RateLimitTests
{
    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();

    [Theory]
    [InlineData(SandboxTier.Starter, 0, "100", "250000")]
    [InlineData(SandboxTier.Professional, 0, "190", "625000")]
    [InlineData(SandboxTier.Enterprise, 0, "190", "1000000")]
    [InlineData(SandboxTier.Enterprise, 2, "250", "3000000")]
    public async Task Get_PrivateAppByTier_ReportsTierLimitsInHeaders(SandboxTier tier, int increases, string burst, string daily)
    {
        var options = TestSandbox.Options(accounts: 0) with { Portals = [new SandboxPortalOptions { Accounts = 0, Tier = tier, ApiLimitIncreases = increases }] };
        await using var sandbox = await TestSandbox.StartAsync(options);

        var (response, _) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts");

        Header(response, "X-HubSpot-RateLimit-Interval-Milliseconds").ShouldBe("10000");
        Header(response, "X-HubSpot-RateLimit-Max").ShouldBe(burst);
        Header(response, "X-HubSpot-RateLimit-Remaining").ShouldBe((int.Parse(burst) - 1).ToString());
        Header(response, "X-HubSpot-RateLimit-Daily").ShouldBe(daily);
        Header(response, "X-HubSpot-RateLimit-Daily-Remaining").ShouldBe((long.Parse(daily) - 1).ToString());
    }

    [Fact]
    public async Task Get_101stCallInTenSeconds_Returns429TenSecondlyUntilWindowRolls()
    {
        await using var sandbox = await TestSandbox.StartAsync(TestSandbox.Options(accounts: 0, tier: SandboxTier.Starter));
        for (var i = 0; i < 100; i++)
        {
            var (ok, _) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts?limit=1");
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var (limited, body) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts?limit=1");
        sandbox.Host.Clock.Advance(TimeSpan.FromSeconds(10));
        var (after, _) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts?limit=1");

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        Header(limited, "X-HubSpot-RateLimit-Remaining").ShouldBe("0");
        body!["status"]!.GetValue<string>().ShouldBe("error");
        body["message"]!.GetValue<string>().ShouldBe("You have reached your ten_secondly_rolling limit.");
        body["errorType"]!.GetValue<string>().ShouldBe("RATE_LIMIT");
        body["policyName"]!.GetValue<string>().ShouldBe("TEN_SECONDLY_ROLLING");
        body["requestId"].ShouldNotBeNull();
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_DailyLimitReached_Returns429DailyUntilPortalMidnight()
    {
        var options = TestSandbox.Options(accounts: 0) with
        {
            Portals = [new SandboxPortalOptions { Accounts = 0, DailyLimit = 3, TimeZone = "America/New_York" }],
        };
        await using var sandbox = await TestSandbox.StartAsync(options);
        for (var i = 0; i < 3; i++)
        {
            (await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/owners")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var (limited, body) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/owners");
        // 09:00 UTC is 04:00 in New York; the portal's day ends 20 hours later.
        sandbox.Host.Clock.Advance(TimeSpan.FromHours(19));
        var (sameDay, _) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/owners");
        sandbox.Host.Clock.Advance(TimeSpan.FromHours(1));
        var (nextDay, _) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/owners");

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        body!["policyName"]!.GetValue<string>().ShouldBe("DAILY");
        body["message"]!.GetValue<string>().ShouldBe("You have reached your daily limit.");
        sameDay.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        nextDay.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_TwoPortals_HaveIndependentWindows()
    {
        var portal = new SandboxPortalOptions { Accounts = 0, BurstLimit = 2 };
        await using var sandbox = await TestSandbox.StartAsync(TestSandbox.Options() with { Portals = [portal, portal] });
        using var second = sandbox.ClientFor(sandbox.Host.Portals[1].AccessToken);
        await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts");
        await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts");

        var (first, _) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts");
        var (other, _) = await TestSandbox.SendAsync(second, HttpMethod.Get, "/crm/v3/objects/contacts");

        first.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
