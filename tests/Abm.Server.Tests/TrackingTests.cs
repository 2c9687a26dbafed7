using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Abm.Server.Features.Content;
using Abm.Server.Features.Tracking;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests;

public sealed class TrackingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Collect_PageViewWithToken_StoresItOnceForThatContact()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await Server.SeedContactAsync(workspace);
        var content = (await (await client.PostAsJsonAsync("/api/content", new { title = "Guide", contentType = "whitepaper" })).Content.ReadFromJsonAsync<ContentItemResponse>())!;
        var token = await IssueAsync(client, contact.Id);
        var body = new { t = token, type = "website_visit", contentId = content.Id, durationSeconds = 42, url = "https://example.com/guide", eventId = "e-1" };

        var first = await CollectAsync(body);
        var replay = await CollectAsync(body);

        first.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        replay.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await using var database = Server.OpenDatabase();
        var stored = await database.EngagementEvents.IgnoreQueryFilters().Where(e => e.ContactId == contact.Id).ToListAsync();
        stored.Count.ShouldBe(1);
        stored[0].Source.ShouldBe("tracking");
        stored[0].DurationSeconds.ShouldBe(42);
        stored[0].ContentId.ShouldBe(content.Id);
        JsonDocument.Parse(stored[0].Metadata!).RootElement.GetProperty("url").GetString().ShouldBe("https://example.com/guide");
    }

    [Fact]
    public async Task Collect_FromABot_IsAcknowledgedAndDropped()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await Server.SeedContactAsync(workspace);
        var token = await IssueAsync(client, contact.Id);

        var response = await CollectAsync(new { t = token, type = "website_visit" }, userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1)");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await using var database = Server.OpenDatabase();
        (await database.EngagementEvents.IgnoreQueryFilters().CountAsync(e => e.ContactId == contact.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Collect_BadInput_GetsClearErrors()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var token = await IssueAsync(client, (await Server.SeedContactAsync(workspace)).Id);

        (await CollectAsync(new { t = token[..^4] + "AAAA", type = "website_visit" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await CollectAsync(new { t = token, type = "demo_request" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CollectAsync(new { t = token, type = "website_visit", durationSeconds = -5 })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SendRawAsync("{not json")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public void TryRead_TokenPastItsLifetime_IsRefused()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var tokens = new TrackingTokens(new EphemeralDataProtectionProvider(), Microsoft.Extensions.Options.Options.Create(new TrackingOptions { TokenLifetimeDays = 90 }), clock);
        var workspace = Guid.NewGuid();
        var (token, _) = tokens.Issue(workspace, "123");

        tokens.TryRead(token, out var read).ShouldBeTrue();
        read.ShouldBe(new TrackedContact(workspace, "123"));
        clock.Now = clock.Now.AddDays(91);
        tokens.TryRead(token, out _).ShouldBeFalse();
        tokens.TryRead("garbage", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Script_IsServedAsJavaScript()
    {
        var response = await Server.CreateClient().GetAsync("/t.js");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/javascript");
        (await response.Content.ReadAsStringAsync()).ShouldContain("/t/collect");
    }

    private async Task<HttpResponseMessage> CollectAsync(object body, string userAgent = Browser) =>
        await SendRawAsync(JsonSerializer.Serialize(body), userAgent);

    /// <summary>Sent as text/plain, the way the snippet's beacon sends it.</summary>
    private async Task<HttpResponseMessage> SendRawAsync(string body, string userAgent = Browser)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/t/collect") { Content = new StringContent(body, Encoding.UTF8, "text/plain") };
        request.Headers.UserAgent.ParseAdd(userAgent);
        return await Server.CreateClient().SendAsync(request);
    }

    private static async Task<string> IssueAsync(HttpClient client, Guid contactId)
    {
        var response = await client.PostAsync($"/api/contacts/{contactId}/tracking-token", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<TrackingTokenResponse>())!.Token;
    }
}
