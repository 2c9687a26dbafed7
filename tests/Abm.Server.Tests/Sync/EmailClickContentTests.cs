using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Features.Content;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.Sync;

/// <summary>A click in a HubSpot email on a link to a library item is recorded as engagement with that item.</summary>
public sealed class EmailClickContentTests
{
    [Fact]
    public async Task Sync_ClickOnALinkToALibraryItem_EventCarriesTheItemWhateverTheQueryOrCase()
    {
        await using var harness = await SyncHarness.StartAsync(accounts: 3);
        var clicks = (await harness.HubSpot.GetFromJsonAsync<JsonElement>("/email/public/v1/events?eventType=CLICK&limit=100")).GetProperty("events")
            .EnumerateArray().Where(e => e.TryGetProperty("url", out var url) && url.GetString() is { Length: > 0 }).ToList();
        clicks.ShouldNotBeEmpty();
        var clicked = new Uri(clicks[0].GetProperty("url").GetString()!);
        // The library knows the page without its query, in capitals and with a trailing slash.
        var stored = $"{clicked.Scheme}://{clicked.Host.ToUpperInvariant()}{clicked.AbsolutePath}/";
        var created = await harness.Server.OperatorClient().PostAsJsonAsync("/api/content", new { title = "Clicked page", contentType = "whitepaper", url = stored });
        created.EnsureSuccessStatusCode();
        var item = (await created.Content.ReadFromJsonAsync<AbmServerFactory.IdOnly>())!.Id;

        (await harness.SyncAsync("full")).GetProperty("status").GetString().ShouldBe("succeeded");

        await using var database = harness.Server.OpenDatabase();
        var events = await database.EngagementEvents.IgnoreQueryFiltersFor(harness.WorkspaceId).Where(e => e.EventType == "email_click").ToListAsync();
        events.Where(e => e.ContentId == item).ShouldNotBeEmpty();
        events.Where(e => e.ContentId is null).ShouldAllBe(e => e.Metadata == null || !e.Metadata.Contains(clicked.AbsolutePath, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("https://Example.com/Guides/Pricing/?utm_source=x#top", "example.com/guides/pricing")]
    [InlineData("http://example.com/guides/pricing", "example.com/guides/pricing")]
    [InlineData("https://example.com/", "example.com")]
    [InlineData("mailto:someone@example.com", null)]
    [InlineData("/relative/path", null)]
    [InlineData(null, null)]
    public void Key_IgnoresSchemeCaseSlashQueryAndFragment(string? url, string? key) => ContentUrls.Key(url).ShouldBe(key);
}
