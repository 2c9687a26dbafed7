using System.Net;
using System.Net.Http.Headers;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Abm.Browser.Tests;

/// <summary>The settings page: scoring settings with their checks, API keys for admins, read-only for others; and phone width.</summary>
public sealed partial class DashboardTests
{
    [Fact]
    public async Task SettingsPage_Admin_ChangesHalfLifeAndCreatesThenRevokesAWorkingKey()
    {
        var page = await fixture.SignedInPageAsync(email: DashboardFixture.SyncAdminEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await page.Locator("#half-life").WaitForAsync();

        await page.Locator("#half-life").FillAsync("0.1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save scoring settings" }).ClickAsync();
        await page.GetByText("halfLifeDays must be between 0.5 and 3650.").WaitForAsync();
        await page.Locator("#half-life").FillAsync("21");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save scoring settings" }).ClickAsync();
        await page.GetByText("Saved. Scores follow").WaitForAsync();

        await page.Locator("#key-name").FillAsync("Reporting export");
        await page.Keyboard.PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var key = (await page.Locator("[data-field=new-key]").TextContentAsync())!.Trim();
        key.Length.ShouldBeGreaterThan(20);
        using var withKey = new HttpClient { BaseAddress = fixture.Server.Address };
        withKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        (await withKey.GetAsync("/api/engagement/settings")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await withKey.GetStringAsync("/api/engagement/settings")).ShouldContain("\"halfLifeDays\":21");
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ShouldBeEmpty();
        await ScreenshotAsync(page, "settings-admin");

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke Reporting export" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-key='Reporting export'] [data-field=key-state]")).ToHaveTextAsync("Revoked");
        (await withKey.GetAsync("/api/engagement/settings")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#half-life")).ToHaveValueAsync("21");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SettingsAndContent_MarketerAtPhoneWidth_ReadOnlySettingsAndNoSidewaysScrolling()
    {
        var page = await fixture.SignedInPageAsync(width: 390, height: 844);
        await page.GotoAsync("/settings");
        await page.Locator("[data-field=half-life]").WaitForAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save scoring settings" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("API keys")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "settings-390");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);

        await page.GotoAsync("/content");
        await page.Locator("#content-total").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^[1-9][0-9]* items match$") }).WaitForAsync();
        await page.GetByText("Evaluation checklist").First.WaitForAsync();
        await ScreenshotAsync(page, "content-390");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await page.Context.CloseAsync();
    }
}
