using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Abm.Browser.Tests;

/// <summary>The content library: its grid and export, adding, editing and deleting an item, and a CSV import's per-line report.</summary>
public sealed partial class DashboardTests
{
    [Fact]
    public async Task ContentPage_CreateEditDelete_ChangesTheLibraryTheApiAnswers()
    {
        var page = await fixture.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Content" }).ClickAsync();
        await page.Locator("#content-total").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^[1-9][0-9]* items match$") }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Evaluation checklist" }).WaitForAsync();

        // An empty title is refused on the page with the API's rule, and nothing is saved.
        await page.GetByRole(AriaRole.Button, new() { Name = "New item" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByText("The Title field is required.").WaitForAsync();

        await page.Locator("#item-title").FillAsync("Buyer's guide to onboarding");
        await page.GetByLabel("Address (URL)").FillAsync("https://vendor.example/onboarding");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByText("Saved \"Buyer's guide to onboarding\".").WaitForAsync();
        var created = await FindItemAsync("onboarding");
        created.GetProperty("url").GetString().ShouldBe("https://vendor.example/onboarding");

        await page.GetByLabel("Search title or topic").FillAsync("onboarding");
        await page.Locator("#content-total").Filter(new() { HasText = "1 items match" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit Buyer's guide to onboarding" }).ClickAsync();
        await Assertions.Expect(page.Locator("#item-title")).ToHaveValueAsync("Buyer's guide to onboarding");
        await page.Locator("#item-topic").FillAsync("onboarding");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await page.GetByText("Saved \"Buyer's guide to onboarding\".").WaitForAsync();
        (await FindItemAsync("onboarding")).GetProperty("topic").GetString().ShouldBe("onboarding");
        await ScreenshotAsync(page, "content");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Buyer's guide to onboarding" }).ClickAsync();
        await page.Locator("#content-total").Filter(new() { HasText = "0 items match" }).WaitForAsync();
        (await fixture.Api.GetFromJsonAsync<JsonElement>("/api/content?search=onboarding")).GetProperty("total").GetInt32().ShouldBe(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ContentPage_ImportCsv_ShowsEachLinesOutcomeAndExportMatchesTheApi()
    {
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/content");
        await page.GetByRole(AriaRole.Link, new() { Name = "Evaluation checklist" }).WaitForAsync();

        var csv = "external_id,title,content_type\nimp-1,Imported integration primer,blog_post\nimp-2,,whitepaper\nimp-3,Bad type,podcast\n";
        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "content.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });

        await Assertions.Expect(page.Locator("#import-summary")).ToHaveTextAsync("3 lines read: 1 created, 0 updated, 0 duplicates, 2 rejected.", new() { Timeout = 60_000 });
        (await page.Locator("[data-import-line='2'] td").Nth(1).TextContentAsync()).ShouldBe("Created");
        (await page.Locator("[data-import-line='3'] td").Nth(1).TextContentAsync()).ShouldBe("Rejected");
        (await page.Locator("[data-import-line='4'] td").Nth(2).TextContentAsync())!.ShouldContain("podcast");
        await ScreenshotAsync(page, "content-import");

        await page.Locator("#filter-type").Locator("..").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Blog post" }).ClickAsync();
        await page.Locator("#content-total").Filter(new() { HasText = "1 items match" }).WaitForAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-csv").ClickAsync());
        var lines = await File.ReadAllLinesAsync((await download.PathAsync())!);
        var query = new Uri(new Uri(page.Url), (await page.Locator("#export-csv").GetAttributeAsync("href"))!).Query;
        var api = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/content{query}&limit=1000");

        lines[0].ShouldStartWith("id,external_id,title,content_type");
        var exported = lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]).ToList();
        exported.ShouldBe(api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList());
        exported.Count.ShouldBe(1);
        lines[1].ShouldContain("Imported integration primer");
        await page.Context.CloseAsync();
    }

    private async Task<JsonElement> FindItemAsync(string search)
    {
        var found = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/content?search={search}");
        found.GetProperty("total").GetInt32().ShouldBe(1);
        return found.GetProperty("items")[0];
    }
}
