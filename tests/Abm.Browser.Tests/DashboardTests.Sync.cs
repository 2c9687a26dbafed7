using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Abm.Browser.Tests;

/// <summary>The sync page: an admin of an empty workspace connects the sandbox portal and syncs it, watching the run.</summary>
public sealed partial class DashboardTests
{
    [Fact]
    public async Task SyncPage_ConnectThenFullSync_ShowsLiveProgressUntilTheRunFinishes()
    {
        var portal = fixture.Sandbox.Portals[0];
        var page = await fixture.SignedInPageAsync(email: DashboardFixture.SyncAdminEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "Sync" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-field=connection-status]")).ToHaveTextAsync(new Regex("Not connected"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Start sync" }).ClickAsync();
        (await page.GetByRole(AriaRole.Alert).First.TextContentAsync())!.ShouldContain("not connected to HubSpot yet");

        // A malformed portal id is refused on the page with the API's own words, before HubSpot is asked.
        await page.GetByLabel("Portal id").FillAsync("not-a-number");
        await page.GetByLabel("Private app token").FillAsync(portal.AccessToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();
        await page.GetByText("portalId must be HubSpot's numeric portal (hub) id.").WaitForAsync();

        await page.GetByLabel("Portal id").FillAsync(portal.PortalId.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-field=connection-status]")).ToHaveTextAsync(new Regex("Connected"), new() { Timeout = 60_000 });
        (await page.Locator("[data-field=connection-portal]").TextContentAsync()).ShouldBe(portal.PortalId.ToString(CultureInfo.InvariantCulture));

        await page.GetByLabel("Everything (full sync)").CheckAsync();
        var url = page.Url;
        await page.Locator("#start-sync").FocusAsync(); // pressed by keyboard

        await page.Keyboard.PressAsync("Enter");

        // The run shows while it is waiting or running, then turns finished by itself: the page is never reloaded.
        await page.Locator("#sync-progress [data-run-status]").WaitForAsync();
        var first = await page.Locator("#sync-progress [data-run-status]").GetAttributeAsync("data-run-status");
        first.ShouldBeOneOf("queued", "running", "succeeded");
        await ScreenshotAsync(page, "sync-progress");
        await page.Locator("#sync-progress [data-run-status=succeeded]").WaitForAsync(new() { Timeout = 120_000 });
        page.Url.ShouldBe(url);
        var records = await page.Locator("[data-field=run-records]").TextContentAsync();
        int.Parse(records!.Trim().Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        await page.Locator("[data-run=succeeded]").First.WaitForAsync(); // the finished run is listed among the latest
        (await page.Locator("[data-field=local-counts]").TextContentAsync())!.ShouldNotContain("Stored here now: 0 contacts");
        await ScreenshotAsync(page, "sync");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SyncPage_MarketerAtPhoneWidth_SeesQueuesButNoConnectForm()
    {
        var page = await fixture.SignedInPageAsync(width: 390, height: 844);
        await page.GotoAsync("/sync");
        await page.Locator("[data-field=outbox-depth]").WaitForAsync();
        (await page.Locator("[data-field=outbox-depth]").TextContentAsync())!.ShouldMatch("^[0-9][0-9,]* \\(");
        (await page.Locator("[data-field=inbox-waiting]").TextContentAsync())!.ShouldStartWith("0 batches");
        await Assertions.Expect(page.GetByLabel("Private app token")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start sync" })).ToHaveCountAsync(1);
        await ScreenshotAsync(page, "sync-390");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await page.Context.CloseAsync();
    }
}
