using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Server.Features.Live;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Abm.Browser.Tests;

/// <summary>The daily trends on the overview and an account's page, and a grid that follows live notices without a reload.</summary>
public sealed partial class DashboardTests
{
    [Fact]
    public async Task Trends_OverviewAndAccountPage_DrawTheStoredDailyHistory()
    {
        var page = await fixture.SignedInPageAsync();
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        string Day(int daysAgo) => $"[data-trend-day='{today.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}']";

        await page.Locator(Day(7)).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        (await page.Locator(Day(1)).CountAsync()).ShouldBe(1);
        (await page.Locator(Day(40)).CountAsync()).ShouldBe(0, "forty days ago is outside the 30-day view");
        (await page.Locator($"{Day(1)} td").Last.TextContentAsync()).ShouldBe("40.0%"); // 8 meetings of 20 reaches
        await page.Locator("#trend-90").ClickAsync();
        await page.Locator(Day(40)).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        (await page.Locator("#trend-90").GetAttributeAsync("aria-pressed")).ShouldBe("true");
        (await page.Locator(".mud-chart-line").CountAsync()).ShouldBeGreaterThan(0);
        var overview = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/overview");
        (await page.Locator("[data-kpi=content-to-meeting]").TextContentAsync())
            .ShouldBe(overview.GetProperty("contentToMeetingConversion").GetDouble().ToString("0.0", CultureInfo.InvariantCulture) + "%");
        await ScreenshotAsync(page, "overview-trends");

        await page.GotoAsync($"/accounts/{fixture.Accounts[1].Id}");
        await page.Locator(Day(7)).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        (await page.Locator($"{Day(40)} td").Nth(1).TextContentAsync()).ShouldBe("23.0");
        (await page.Locator("[data-kpi=score] ~ * [data-band-badge]").CountAsync()).ShouldBe(1, "the band is said in words beside its colour");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Accounts_Grid_ShowsAnAccountSyncedWhileOpenWithoutAReload()
    {
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/accounts");
        await page.Locator("#accounts-total").Filter(new() { HasText = "30 accounts match" }).WaitForAsync();
        var live = fixture.Server.Services.GetRequiredService<LiveHub>();
        var workspace = fixture.Accounts[0].WorkspaceId;
        var arrived = new Company { Id = Guid.NewGuid(), WorkspaceId = workspace, HubSpotId = "5999", Name = "Arrived While Open Corp", EngagementScore = 100 };

        await using (var database = fixture.Server.OpenDatabase())
        {
            database.Companies.Add(arrived);
            await database.SaveChangesAsync();
        }

        try
        {
            live.Publish(workspace, LiveKinds.Sync); // what a sync run raises as each page of records commits
            await page.Locator("#accounts-total").Filter(new() { HasText = "31 accounts match" }).WaitForAsync();
            await page.Locator("tbody tr").First.Filter(new() { HasText = arrived.Name }).WaitForAsync();
        }
        finally
        {
            await using var database = fixture.Server.OpenDatabase();
            await database.Companies.IgnoreQueryFilters().Where(c => c.Id == arrived.Id).ExecuteDeleteAsync();
        }

        live.Publish(workspace, LiveKinds.Scores);
        await page.Locator("#accounts-total").Filter(new() { HasText = "30 accounts match" }).WaitForAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SettingsPage_Admin_EditsSegmentRulesAndIsToldWhatIsWrong()
    {
        var page = await fixture.SignedInPageAsync(email: DashboardFixture.SyncAdminEmail);
        await page.GotoAsync("/settings");
        await page.Locator("#add-rule").ClickAsync();

        await page.Locator("#rule-1-segment").FillAsync("Big Deals");
        await page.Locator("#rule-1-property").FillAsync("company");
        await page.Locator("#rule-1-value").FillAsync("Nothing Matches Inc");
        await page.Locator("#save-rules").ClickAsync();
        await page.GetByText("Rule 1: segment must be 1-50 lower-case letters, digits or underscores.").WaitForAsync();
        await page.Locator("#rule-1-segment").FillAsync("big_deals");
        await page.Locator("#save-rules").ClickAsync();
        await page.GetByText("Saved. Every contact was re-tagged").WaitForAsync();
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id).ShouldBeEmpty();
        await ScreenshotAsync(page, "settings-segment-rules");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#rule-1-segment")).ToHaveValueAsync("big_deals");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove rule 1" }).ClickAsync();
        await page.Locator("#save-rules").ClickAsync();
        await page.GetByText("Saved. Every contact was re-tagged").WaitForAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UnknownAddress_FollowedFromAPage_SaysPageNotFoundInWords()
    {
        var page = await fixture.SignedInPageAsync();
        await page.Locator("[data-kpi=accounts]").WaitForAsync();

        await page.EvaluateAsync("Blazor.navigateTo('/no-such-page')");

        await page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" }).WaitForAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ContactPage_EnrolledThroughTheApiWhileOpen_ListsTheEnrolmentWithoutReloadBesideFactorsAndLeadPanel()
    {
        var sequence = await NewActiveSequenceAsync("Contact page drip");
        var contact = fixture.Contacts[17];
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync($"/contacts/{contact.Id}");
        await page.GetByText("This contact is in no nurture sequence.").WaitForAsync();
        await page.Locator("#lead-reason").WaitForAsync();
        await page.Locator("[data-recommendation]").First.WaitForAsync();
        (await page.Locator("[data-recommendation]").First.Locator("[data-factors] li").CountAsync()).ShouldBe(6, "the six factor contributions of the recommendation");

        (await fixture.Api.PostAsJsonAsync("/api/nurture/enrollments", new { sequenceId = sequence.GetProperty("id").GetGuid(), contactId = contact.Id })).EnsureSuccessStatusCode();

        await Assertions.Expect(page.Locator("#contact-nurture [data-enrollment]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#contact-nurture [data-enrollment] a")).ToHaveTextAsync("Contact page drip");
        await page.Context.CloseAsync();
    }
}
