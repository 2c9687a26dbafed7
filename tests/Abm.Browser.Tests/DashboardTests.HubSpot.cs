using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Abm.Browser.Tests;

/// <summary>
/// The HubSpot pages on a workspace connected to the sandbox's second portal: records listed, filtered, created and
/// refused; deals with their associations; lists and their members; scheduled sends; analytics; what a viewer gets.
/// </summary>
public sealed partial class DashboardTests
{
    [Fact]
    public async Task HubSpotRecords_ContactsFilteredByEmail_CreatedContactListedAndADuplicateRefusedNamingTheExistingOne()
    {
        var portalContacts = await fixture.HubSpotApi.GetFromJsonAsync<JsonElement>("/api/hubspot/contacts?limit=1000");
        var known = portalContacts.GetProperty("items")[0];
        var (knownId, knownEmail) = (known.GetProperty("id").GetString()!, known.GetProperty("properties").GetProperty("email").GetString()!);
        var page = await fixture.SignedInPageAsync(email: DashboardFixture.HubSpotMarketerEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "HubSpot records" }).ClickAsync();
        await Assertions.Expect(page.Locator("#contacts-total")).ToHaveTextAsync($"{portalContacts.GetProperty("total").GetInt32():N0} contacts match");
        await Assertions.Expect(page.Locator("[data-field=freshness]")).ToContainTextAsync("last synced");
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ShouldBeEmpty();
        await ScreenshotAsync(page, "hubspot-records");

        await page.Locator("#contacts-filter-email").FillAsync(knownEmail.ToUpperInvariant());
        await Assertions.Expect(page.Locator("#contacts-total")).ToHaveTextAsync("1 contacts match");
        await Assertions.Expect(page.Locator("#contacts-table tbody tr")).ToHaveCountAsync(1);
        (await page.Locator("#contacts-table tbody tr").GetAttributeAsync("data-record")).ShouldBe(knownId);

        var email = $"ada.{Guid.NewGuid():N}@newcustomer.example";
        await page.Locator("#new-contact").ClickAsync();
        await page.Locator("#contact-email").FillAsync(email);
        await page.Locator("#contact-firstname").FillAsync("Ada");
        await page.Locator("#contact-lastname").FillAsync("Lovelace");
        await page.Locator("#save-contact").ClickAsync();
        await Assertions.Expect(page.Locator("#contact-outcome")).ToHaveTextAsync(new Regex("^Created contact [0-9]+ in HubSpot\\.$"));
        var createdId = Regex.Match((await page.Locator("#contact-outcome").TextContentAsync())!, "[0-9]+").Value;
        await page.Locator("#contacts-filter-email").FillAsync(email);
        await Assertions.Expect(page.Locator($"#contacts-table tr[data-record='{createdId}'] [data-field=name]")).ToHaveTextAsync("Ada Lovelace");
        (await fixture.HubSpotApi.GetFromJsonAsync<JsonElement>($"/api/hubspot/contacts?email={Uri.EscapeDataString(email)}")).GetProperty("total").GetInt32().ShouldBe(1);

        // The same address again: HubSpot's 409, in its words, naming the contact that has it.
        await page.Locator("#new-contact").ClickAsync();
        await page.Locator("#contact-email").FillAsync(email);
        await page.Locator("#save-contact").ClickAsync();
        await Assertions.Expect(page.Locator("#contact-form-problems")).ToContainTextAsync($"Contact already exists. Existing ID: {createdId}");
        await ScreenshotAsync(page, "hubspot-records-duplicate");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HubSpotRecords_HubSpotDown_TheCreateFormSaysSoAndKeepsWhatWasTyped()
    {
        var portal = fixture.Sandbox.Portals[1];
        using var hubSpot = new HttpClient { BaseAddress = new Uri(fixture.Sandbox.BaseUrl) };
        hubSpot.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", portal.AccessToken);
        var page = await fixture.SignedInPageAsync(email: DashboardFixture.HubSpotMarketerEmail);
        await page.GotoAsync("/hubspot/records");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Companies" }).ClickAsync();
        await page.Locator("#new-company").ClickAsync();
        await page.Locator("#company-name").FillAsync("Outage Ltd");
        (await hubSpot.PostAsJsonAsync("/_sandbox/faults", new
        {
            portalId = portal.PortalId, route = "POST /crm/v3/objects/companies*", seed = 5, errorRates = new Dictionary<string, double> { ["503"] = 1.0 },
        })).EnsureSuccessStatusCode();
        try
        {
            await page.Locator("#save-company").ClickAsync();
            await Assertions.Expect(page.Locator("#company-form-problems")).ToContainTextAsync("HubSpot did not answer usefully after the client's retries.");
            await Assertions.Expect(page.Locator("#company-name")).ToHaveValueAsync("Outage Ltd");
        }
        finally
        {
            (await hubSpot.DeleteAsync("/_sandbox/faults")).EnsureSuccessStatusCode();
        }

        (await fixture.HubSpotApi.GetFromJsonAsync<JsonElement>("/api/hubspot/companies?name=Outage")).GetProperty("total").GetInt32().ShouldBe(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HubSpotRecords_ContactSyncedFromThePortal_AppearsWithoutReload()
    {
        var portal = fixture.Sandbox.Portals[1];
        var email = $"late.{Guid.NewGuid():N}@arrivals.example";
        var page = await fixture.SignedInPageAsync(email: DashboardFixture.HubSpotMarketerEmail);
        await page.GotoAsync("/hubspot/records");
        await page.Locator("#contacts-filter-email").FillAsync(email);
        await Assertions.Expect(page.Locator("#contacts-total")).ToHaveTextAsync("0 contacts match");

        using var hubSpot = new HttpClient { BaseAddress = new Uri(fixture.Sandbox.BaseUrl) };
        hubSpot.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", portal.AccessToken);
        (await hubSpot.PostAsJsonAsync("/crm/v3/objects/contacts", new { properties = new { email, firstname = "Late", lastname = "Arrival" } })).EnsureSuccessStatusCode();
        (await fixture.HubSpotApi.PostAsJsonAsync("/api/sync", new Dictionary<string, object?> { ["sync_type"] = "incremental" })).EnsureSuccessStatusCode();

        await Assertions.Expect(page.Locator("#contacts-total")).ToHaveTextAsync("1 contacts match", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#contacts-table [data-field=name]")).ToHaveTextAsync("Late Arrival");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HubSpotRecords_DealCreatedWithAStageOfItsPipelineAndItsCompanyAndContact_AssociatedInHubSpot()
    {
        var pipeline = (await fixture.HubSpotApi.GetFromJsonAsync<JsonElement>("/api/hubspot/pipelines")).GetProperty("results")[0];
        var stage = pipeline.GetProperty("stages")[1];
        var company = (await fixture.HubSpotApi.GetFromJsonAsync<JsonElement>("/api/hubspot/companies?limit=1")).GetProperty("items")[0];
        var contact = (await fixture.HubSpotApi.GetFromJsonAsync<JsonElement>("/api/hubspot/contacts?limit=1&offset=1")).GetProperty("items")[0];
        var companyName = company.GetProperty("properties").GetProperty("name").GetString()!;
        var contactEmail = contact.GetProperty("properties").GetProperty("email").GetString()!;
        var page = await fixture.SignedInPageAsync(email: DashboardFixture.HubSpotMarketerEmail);
        await page.GotoAsync("/hubspot/records");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Deals" }).ClickAsync();
        await page.Locator("#new-deal").ClickAsync();
        await page.Locator("#deal-dealname").FillAsync("Browser expansion deal");
        await page.Locator("#deal-amount").FillAsync("48000");
        await page.Locator("#deal-closedate").FillAsync("2027-03-31");
        await page.Locator("#deal-pipeline").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = pipeline.GetProperty("label").GetString()! }).ClickAsync();
        await page.Locator("#deal-dealstage").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = stage.GetProperty("label").GetString()!, Exact = true }).ClickAsync();
        await page.Locator("#deal-companies-search").FillAsync(companyName);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Associate {companyName}" }).ClickAsync();
        await page.Locator("#deal-contacts-search").FillAsync(contactEmail);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^Associate .*{Regex.Escape(contactEmail)}", RegexOptions.IgnoreCase) }).ClickAsync();
        await ScreenshotAsync(page, "hubspot-deal-form");
        await page.Locator("#save-deal").ClickAsync();

        await Assertions.Expect(page.Locator("#deal-outcome")).ToHaveTextAsync(new Regex("^Created deal [0-9]+ in HubSpot\\.$"));
        var dealId = Regex.Match((await page.Locator("#deal-outcome").TextContentAsync())!, "[0-9]+").Value;
        var row = page.Locator($"#deals-table tr[data-record='{dealId}']");
        await Assertions.Expect(row.Locator("[data-field=stage]")).ToHaveTextAsync(stage.GetProperty("label").GetString()!);
        await Assertions.Expect(row.Locator("[data-field=amount]")).ToHaveTextAsync("48,000");
        var deal = await fixture.HubSpotApi.GetFromJsonAsync<JsonElement>($"/api/hubspot/deals/{dealId}");
        deal.GetProperty("properties").GetProperty("dealstage").GetString().ShouldBe(stage.GetProperty("id").GetString());
        deal.GetProperty("associations").GetProperty("companies").EnumerateArray().Select(c => c.GetString()).ShouldContain(company.GetProperty("id").GetString());
        deal.GetProperty("associations").GetProperty("contacts").EnumerateArray().Select(c => c.GetString()).ShouldContain(contact.GetProperty("id").GetString());

        // Filtered by its stage and an amount range that holds it, the deal is listed; above its amount it is not.
        await page.Locator("#deals-filter-min-amount").FillAsync("47000");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await page.Locator("#deals-filter-min-amount").FillAsync("48001");
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CampaignsPage_ListCreatedAndTwoContactsAdded_ReportsEachContactAndListsThemAsMembers()
    {
        var contacts = (await fixture.HubSpotApi.GetFromJsonAsync<JsonElement>("/api/hubspot/contacts?limit=2&offset=4")).GetProperty("items").EnumerateArray()
            .Select(c => (Local: c.GetProperty("localId").GetGuid(), Email: c.GetProperty("properties").GetProperty("email").GetString()!)).ToList();
        var name = $"Browser list {Guid.NewGuid():N}"[..24];
        var page = await fixture.SignedInPageAsync(email: DashboardFixture.HubSpotMarketerEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "Campaigns and email" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Lists" }).ClickAsync();
        await page.Locator("#new-list-name").FillAsync(name);
        await page.Locator("#create-list").ClickAsync();
        await Assertions.Expect(page.Locator("#list-outcome")).ToHaveTextAsync($"Created the manual list \"{name}\" in HubSpot.");
        await page.GetByText("This list has no member yet.").WaitForAsync();

        foreach (var (_, email) in contacts)
        {
            await page.Locator("#list-add-search").FillAsync(email);
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Choose ") }).First.ClickAsync();
        }

        await page.Locator("#list-add").ClickAsync();
        await Assertions.Expect(page.Locator("#membership-summary")).ToHaveTextAsync("2 changed, 0 unchanged, 0 refused.");
        foreach (var (local, email) in contacts)
        {
            await Assertions.Expect(page.Locator($"#membership-report tr[data-contact='{local}'] [data-field=outcome]")).ToHaveTextAsync("Added");
            await Assertions.Expect(page.Locator("#list-members-table tbody")).ToContainTextAsync(email);
        }

        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ShouldBeEmpty();
        await ScreenshotAsync(page, "hubspot-lists");
        var listId = await page.Locator("#lists-table tr").Filter(new() { HasText = name }).GetAttributeAsync("data-list");
        var members = await fixture.HubSpotApi.GetFromJsonAsync<JsonElement>($"/api/hubspot/lists/{listId}/memberships");
        members.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("contactId").GetGuid()).Order().ShouldBe(contacts.Select(c => c.Local).Order());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CampaignsPage_SendScheduledToAContact_ListedAsScheduledHereAndInTheApi()
    {
        var contact = (await fixture.HubSpotApi.GetFromJsonAsync<JsonElement>("/api/hubspot/contacts?limit=1&offset=7")).GetProperty("items")[0];
        var email = contact.GetProperty("properties").GetProperty("email").GetString()!;
        var at = TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(3).AddHours(9).AddMinutes(30);
        var page = await fixture.SignedInPageAsync(email: DashboardFixture.HubSpotMarketerEmail);
        await page.GotoAsync("/hubspot/campaigns");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Email" }).ClickAsync();
        await page.Locator("#email-templates tr[data-template='710001']").WaitForAsync();
        await page.Locator("#send-email").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Monthly product newsletter" }).ClickAsync();
        await page.Locator("#send-contact-search").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Send to ") }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#send-contact")).ToContainTextAsync(email);
        await page.Locator("#send-at").FillAsync(at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await page.Locator("#send-email-button").ClickAsync();

        await Assertions.Expect(page.Locator("#send-outcome")).ToHaveTextAsync($"Scheduled \"Monthly product newsletter\" for {at:d MMM yyyy HH:mm} UTC.");
        var row = page.Locator("#email-sends tbody tr").Filter(new() { HasText = email });
        await Assertions.Expect(row.Locator("[data-field=status]")).ToHaveTextAsync("Scheduled");
        await Assertions.Expect(row.Locator("[data-field=when]")).ToHaveTextAsync($"{at:d MMM yyyy HH:mm} UTC");
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ShouldBeEmpty();
        await ScreenshotAsync(page, "hubspot-email");
        var scheduled = await fixture.HubSpotApi.GetFromJsonAsync<JsonElement>("/api/hubspot/email/sends?status=scheduled");
        var send = scheduled.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("contactEmail").GetString() == email);
        send.GetProperty("scheduledFor").GetDateTime().ShouldBe(at);
        (await row.GetAttributeAsync("data-send")).ShouldBe(send.GetProperty("id").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task CampaignsPage_CampaignCreated_ListedWithItsPerformance()
    {
        var name = $"Spring launch {Guid.NewGuid():N}"[..22];
        var page = await fixture.SignedInPageAsync(email: DashboardFixture.HubSpotMarketerEmail);
        await page.GotoAsync("/hubspot/campaigns");
        await page.Locator("#new-campaign").ClickAsync();
        await page.Locator("#campaign-name").FillAsync(name);
        await page.Locator("#campaign-start").FillAsync("2026-03-01");
        await page.Locator("#campaign-end").FillAsync("2026-02-01");
        await page.Locator("#save-campaign").ClickAsync();
        await Assertions.Expect(page.Locator("#campaign-form-problems")).ToContainTextAsync("endDate must not be before startDate.");

        await page.Locator("#campaign-end").FillAsync("2026-06-30");
        await page.Locator("#save-campaign").ClickAsync();
        await Assertions.Expect(page.Locator("#campaign-outcome")).ToHaveTextAsync($"Created campaign \"{name}\" in HubSpot.");
        await page.Locator("#campaigns-filter-name").FillAsync(name);
        await Assertions.Expect(page.Locator("#campaigns-total")).ToHaveTextAsync("1 campaigns match");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Show assets and performance of {name}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#campaign-performance [data-field=sends]")).ToHaveTextAsync("0");
        await page.GetByText("No marketing email, form, landing page or blog post belongs to this campaign.").WaitForAsync();
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ShouldBeEmpty();
        await ScreenshotAsync(page, "hubspot-campaigns");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HubSpotAnalytics_Page_ShowsTheApisFiguresWithTheirFreshness()
    {
        var deals = await fixture.HubSpotApi.GetFromJsonAsync<JsonElement>("/api/hubspot/analytics/deals");
        var contacts = await fixture.HubSpotApi.GetFromJsonAsync<JsonElement>("/api/hubspot/analytics/contacts");
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var created = await fixture.HubSpotApi.PostAsJsonAsync("/api/hubspot/campaigns", new { name = "Compared campaign", startDate = today.AddDays(-20), endDate = today.AddDays(10) });
        created.EnsureSuccessStatusCode();
        var campaignId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var page = await fixture.SignedInPageAsync(email: DashboardFixture.HubSpotViewerEmail);
        await page.GetByRole(AriaRole.Link, new() { Name = "HubSpot analytics" }).ClickAsync();
        await Assertions.Expect(page.Locator("#deal-analytics [data-field=freshness]")).ToContainTextAsync("deals last synced");
        await Assertions.Expect(page.Locator("#contact-analytics [data-field=freshness]")).ToContainTextAsync("contacts last synced");
        await Assertions.Expect(page.Locator("#email-analytics [data-field=freshness]")).ToContainTextAsync("email events last synced");
        foreach (var stage in deals.GetProperty("openPipeline").EnumerateArray())
        {
            var row = page.Locator($"#open-pipeline tr[data-stage='{stage.GetProperty("stage").GetString()}']");
            await Assertions.Expect(row.Locator("[data-field=deals]")).ToHaveTextAsync(stage.GetProperty("deals").GetInt64().ToString("N0", CultureInfo.InvariantCulture));
        }

        foreach (var entry in contacts.GetProperty("lifecycleStages").EnumerateArray())
        {
            await Assertions.Expect(page.Locator($"#lifecycle-stages tr[data-value='{entry.GetProperty("value").GetString()}'] [data-field=count]"))
                .ToHaveTextAsync(entry.GetProperty("count").GetInt64().ToString("N0", CultureInfo.InvariantCulture));
        }

        // Each campaign of the range side by side, as the campaign performance route answers for it.
        await page.Locator("#compare-campaigns").ClickAsync();
        await Assertions.Expect(page.Locator($"#campaign-comparison-table tr[data-campaign='{campaignId}'] [data-field=sends]")).ToHaveTextAsync("0");
        var performance = await fixture.HubSpotApi.GetFromJsonAsync<JsonElement>($"/api/hubspot/campaigns/{campaignId}/performance");
        await Assertions.Expect(page.Locator($"#campaign-comparison-table tr[data-campaign='{campaignId}']"))
            .ToContainTextAsync($"{DateOnly.Parse(performance.GetProperty("from").GetString()!, CultureInfo.InvariantCulture):d MMM yyyy} – {DateOnly.Parse(performance.GetProperty("to").GetString()!, CultureInfo.InvariantCulture):d MMM yyyy}");

        // A range the API refuses is refused on the page with its words.
        await page.Locator("#analytics-from").FillAsync("2026-06-01");
        await page.Locator("#analytics-to").FillAsync("2026-01-01");
        await page.Locator("#analytics-show").ClickAsync();
        await Assertions.Expect(page.Locator("#analytics-problems")).ToContainTextAsync("from (2026-06-01) must not be after to (2026-01-01).");
        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ShouldBeEmpty();
        await ScreenshotAsync(page, "hubspot-analytics");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HubSpotPages_Viewer_SeesTheDataButNoWriteButton()
    {
        var page = await fixture.SignedInPageAsync(email: DashboardFixture.HubSpotViewerEmail);
        await page.GotoAsync("/hubspot/records");
        await page.Locator("#contacts-table tbody tr").First.WaitForAsync();
        await Assertions.Expect(page.Locator("#new-contact")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Edit|Archive) ") })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Deals" }).ClickAsync();
        await page.Locator("#deals-table tbody tr").First.WaitForAsync();
        await Assertions.Expect(page.Locator("#new-deal")).ToHaveCountAsync(0);

        await page.GotoAsync("/hubspot/campaigns");
        await page.Locator("#campaigns-total").WaitForAsync();
        await Assertions.Expect(page.Locator("#new-campaign")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Email" }).ClickAsync();
        await page.Locator("#email-templates tr[data-template='710001']").WaitForAsync();
        await Assertions.Expect(page.Locator("#send-form")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Lists" }).ClickAsync();
        await page.Locator("#lists-total").WaitForAsync();
        await Assertions.Expect(page.Locator("#create-list")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HubSpotPages_PhoneWidth_NoSidewaysScrolling()
    {
        var page = await fixture.SignedInPageAsync(width: 390, height: 844, email: DashboardFixture.HubSpotMarketerEmail);
        await page.GotoAsync("/hubspot/records");
        await page.Locator("#contacts-table tbody tr").First.WaitForAsync();
        await ScreenshotAsync(page, "hubspot-records-390");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);

        await page.GotoAsync("/hubspot/campaigns");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Email" }).ClickAsync();
        await page.Locator("#email-templates tr[data-template='710001']").WaitForAsync();
        await ScreenshotAsync(page, "hubspot-email-390");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);

        await page.GotoAsync("/hubspot/analytics");
        await page.Locator("#deal-analytics").WaitForAsync();
        await ScreenshotAsync(page, "hubspot-analytics-390");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await page.Context.CloseAsync();
    }
}
