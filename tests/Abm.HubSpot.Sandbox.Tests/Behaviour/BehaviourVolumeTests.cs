using Abm.HubSpot.Sandbox.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Abm.HubSpot.Sandbox.Tests.Behaviour;

public sealed class BehaviourVolumeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Advance_OneDayHundredAccounts_AtLeastTenThousandEvents()
    {
        await using var sandbox = await TestSandbox.StartAsync(BehaviourClient.Options(100));
        var dayStart = new DateTimeOffset(TestSandbox.Start.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        var first = await BehaviourClient.AdvanceAsync(sandbox, days: 1);
        var second = await BehaviourClient.AdvanceAsync(sandbox, days: 1);
        output.WriteLine($"advancing the first day took {first["elapsedMs"]} ms, the second {second["elapsedMs"]} ms");

        var email = await BehaviourClient.EmailEventsAsync(sandbox, dayStart, dayStart.AddDays(1).AddTicks(-1));
        var site = await BehaviourClient.SiteEventsAsync(sandbox, $"since={Uri.EscapeDataString(dayStart.ToString("O"))}&until={Uri.EscapeDataString(dayStart.AddDays(1).AddTicks(-1).ToString("O"))}");

        (email.Count + site.Count).ShouldBeGreaterThanOrEqualTo(10_000);
        email.Select(e => e["type"]!.GetValue<string>()).Distinct().ShouldBe(["SENT", "DELIVERED", "OPEN", "CLICK"], ignoreOrder: true);
        site.Select(e => e["type"]!.GetValue<string>()).Distinct().ShouldBe(["website_visit", "content_download", "form_submission"], ignoreOrder: true);
    }

    [Fact]
    public async Task Advance_BehaviourOff_PortalStaysAsSeeded()
    {
        await using var sandbox = await TestSandbox.StartAsync(BehaviourClient.Options(5) with { SimulateBehaviour = false });
        var emailBefore = (await BehaviourClient.EmailEventsAsync(sandbox, TestSandbox.Start.AddDays(-90), TestSandbox.Start.AddDays(30))).Count;

        await BehaviourClient.AdvanceAsync(sandbox, days: 3);

        (await BehaviourClient.SiteEventsAsync(sandbox)).ShouldBeEmpty();
        (await BehaviourClient.EmailEventsAsync(sandbox, TestSandbox.Start.AddDays(-90), TestSandbox.Start.AddDays(30))).Count.ShouldBe(emailBefore);
        (await BehaviourClient.SummaryAsync(sandbox))["totalEvents"]!.GetValue<int>().ShouldBe(0);
    }
}
