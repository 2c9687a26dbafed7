using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Abm.Browser.Tests;

/// <summary>
/// The tracking snippet's consent mode in a real browser: a content page on another site (origin) embeds the server's /t.js with
/// data-abm-consent="required" and is opened from a nurture link carrying the contact's token. Before the page signals
/// consent the browser holds no token (no cookie, nothing in storage) and sends nothing; after it, tracking works and
/// the workspace, which requires consent, keeps the event.
/// </summary>
public sealed class TrackingConsentTests : IAsyncLifetime, IDisposable
{
    // A desktop Chrome's user agent: the collect endpoint ignores headless browsers, as it does crawlers.
    private const string DesktopChrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

    private DashboardServer _server = null!;
    private HttpClient _api = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        // Nothing here talks to HubSpot; the address only has to be well formed.
        _server = await DashboardServer.StartAsync("http://127.0.0.1:9");
        _api = new HttpClient { BaseAddress = _server.Address };
        _api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DashboardServer.OperatorKey);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _server.DisposeAsync();
    }

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Snippet_ConsentRequired_KeepsNoTokenAndSendsNothingUntilConsentThenTracks()
    {
        var contact = await SeedContactAsync();
        (await _api.PutAsJsonAsync("/api/privacy/settings", new { trackingRequiresConsent = true })).EnsureSuccessStatusCode();
        var token = (await (await _api.PostAsync($"/api/contacts/{contact.Id}/tracking-token", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
        var content = (await (await _api.PostAsJsonAsync("/api/content", new { title = "Evaluation checklist", contentType = "whitepaper" })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();
        await using var context = await _browser.NewContextAsync(new() { UserAgent = DesktopChrome });
        context.SetDefaultTimeout(60_000);
        var collected = new List<IRequest>();
        context.Request += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath == "/t/collect")
            {
                collected.Add(request);
            }
        };
        await using var site = await ContentSiteAsync(Article(content));
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("CORS", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };

        // The snippet is a blocking script in the head: once the page has loaded, it has run.
        await page.GotoAsync($"{site.Urls.Single()}/checklist?abm_t={Uri.EscapeDataString(token)}");
        await page.GetByText("Download the checklist").ClickAsync();

        (await page.EvaluateAsync<string?>("() => localStorage.getItem('abm_t')")).ShouldBeNull("no token is kept before consent");
        (await context.CookiesAsync()).ShouldBeEmpty();
        (await context.CookiesAsync([_server.Address.ToString()])).ShouldBeEmpty();

        await page.EvaluateAsync("() => window.dispatchEvent(new Event('abm:consent'))");
        (await page.EvaluateAsync<string?>("() => localStorage.getItem('abm_t')")).ShouldBe(token, "after consent the token from the link is kept");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByText("Download the checklist").ClickAsync(),
            r => new Uri(r.Url).AbsolutePath == "/t/collect" && r.Request.Method == "POST");

        response.Status.ShouldBe(204);
        errors.ShouldBeEmpty("the beacon passes the browser's CORS check");
        collected.Count(r => r.Method == "POST").ShouldBe(1, "the click before consent sent nothing (a request sent then would have come before this one)");
        (await context.CookiesAsync()).ShouldBeEmpty("the snippet never sets a cookie");
        // The workspace keeps only events marked consented, so the kept event shows the snippet marked it.
        await using var database = _server.OpenDatabase();
        var kept = await database.EngagementEvents.IgnoreQueryFilters().Where(e => e.ContactId == contact.Id).Select(e => new { e.EventType, e.ContentId, e.Source }).ToListAsync();
        kept.ShouldHaveSingleItem().ShouldBe(new { EventType = "content_download", ContentId = (Guid?)content, Source = "tracking" });
    }

    /// <summary>
    /// The customer's content site: a server of its own on loopback (another origin than ABM's). Chromium refuses a script
    /// from loopback on a page it counts as public (private network access), so the page cannot be faked by routing.
    /// </summary>
    private static async Task<WebApplication> ContentSiteAsync(string article)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var site = builder.Build();
        site.MapGet("/checklist", () => Results.Content(article, "text/html"));
        await site.StartAsync();
        return site;
    }

    private string Article(Guid content) => $$"""
        <!doctype html>
        <html lang="en"><head><title>Evaluation checklist</title>
        <script src="{{new Uri(_server.Address, "/t.js")}}" data-abm-content="{{content}}" data-abm-consent="required"></script>
        </head><body>
        <h1>Evaluation checklist</h1>
        <a href="#" data-abm-download="{{content}}" onclick="return false">Download the checklist</a>
        </body></html>
        """;

    private async Task<Contact> SeedContactAsync()
    {
        // The workspace keeps only events marked consented, so the kept event shows the snippet marked it.
        await using var database = _server.OpenDatabase();
        var workspace = await database.Workspaces.SingleAsync(w => w.IsDefault);
        var contact = new Contact { Id = Guid.NewGuid(), WorkspaceId = workspace.Id, HubSpotId = "8801", Email = "reader@buyer.example", FirstName = "Rea", LastName = "Der" };
        database.Contacts.Add(contact);
        await database.SaveChangesAsync();
        return contact;
    }
}
