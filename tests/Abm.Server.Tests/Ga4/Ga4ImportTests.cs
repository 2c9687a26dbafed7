using System.Net;
using System.Net.Http.Json;
using System.Text;
using Abm.Server.Features.Imports.Ga4;
using Microsoft.EntityFrameworkCore;
using static Abm.Server.Tests.Ga4.Ga4Export;

namespace Abm.Server.Tests.Ga4;

/// <summary>POST /api/imports/ga4 on the run's database: matching by user id, token, browser and link; unmatched and bad rows; re-import.</summary>
public sealed class Ga4ImportTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    private sealed record TokenAnswer(string Token);

    [Fact]
    public async Task Import_UserIdAsHubSpotIdOrEmail_BecomesEventsOfTheRightTypeOnTheLinkedItem()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var byId = await Server.SeedContactAsync(workspace);
        var byEmail = await Server.SeedContactAsync(workspace);
        var guide = await ItemAsync(client, "https://www.vendor.example/blog/roi-guide/");
        var pdf = await ItemAsync(client, "https://cdn.vendor.example/files/roi.pdf");

        var report = await ImportAsync(client, File(
            Row("page_view", 0, userId: byId.HubSpotId, page: "HTTPS://WWW.vendor.example/blog/roi-guide?utm_source=x#top"),
            Row("scroll", 1, userId: byId.HubSpotId, percentScrolled: 90),
            Row("file_download", 2, userId: byEmail.Email!.ToUpperInvariant(), linkUrl: "https://cdn.vendor.example/files/roi.pdf"),
            Row("form_submit", 3, userId: byEmail.Email, page: "https://www.vendor.example/contact"),
            Row("session_start", 4, userId: byId.HubSpotId),
            Row("user_engagement", 5, userId: byId.HubSpotId)));

        (report.Rows, report.Imported, report.Skipped, report.Unmatched, report.Rejected, report.ImportedWithoutContentItem).ShouldBe((6, 4, 2, 0, 0, 1));
        report.SkippedByEvent.ShouldBe(new Dictionary<string, int> { ["session_start"] = 1, ["user_engagement"] = 1 });
        await using var database = Server.OpenDatabase();
        var events = await database.EngagementEvents.IgnoreQueryFilters().Where(e => e.WorkspaceId == workspace).OrderBy(e => e.OccurredAt).ToListAsync();
        events.Select(e => (e.ContactId, e.EventType, e.ContentId, e.Source)).ShouldBe(
        [
            (byId.Id, "website_visit", (Guid?)guide, "ga4"),
            (byId.Id, "website_visit", guide, "ga4"),
            (byEmail.Id, "content_download", pdf, "ga4"),
            (byEmail.Id, "form_submission", null, "ga4"),
        ]);
        events[0].OccurredAt.ShouldBe(Base.UtcDateTime);
        events[0].Metadata.ShouldNotBeNull().ShouldNotContain("utm_source");
    }

    [Fact]
    public async Task Import_TrackingTokenInTheUrl_NamesTheContactAndItsBrowsersOtherRows()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await Server.SeedContactAsync(workspace);
        var token = (await (await client.PostAsync($"/api/contacts/{contact.Id}/tracking-token", null)).Content.ReadFromJsonAsync<TokenAnswer>())!.Token;

        // The later page view has no token (the snippet keeps it in the browser): the same browser names the contact.
        var report = await ImportAsync(client, File(
            Row("page_view", 5, browser: "b-token", page: "https://www.vendor.example/pricing"),
            Row("page_view", 0, browser: "b-token", page: $"https://www.vendor.example/landing?abm_t={Uri.EscapeDataString(token)}"),
            Row("page_view", 1, browser: "b-forged", page: "https://www.vendor.example/landing?abm_t=forged-token")));

        (report.Imported, report.Unmatched).ShouldBe((2, 1));
        report.UnmatchedByReason.ShouldBe(new Dictionary<string, int> { [Ga4Unmatched.InvalidToken] = 1 });
        await using var database = Server.OpenDatabase();
        var events = await database.EngagementEvents.IgnoreQueryFilters().Where(e => e.WorkspaceId == workspace).ToListAsync();
        events.ShouldAllBe(e => e.ContactId == contact.Id);
        events.ShouldAllBe(e => !e.Metadata!.Contains(token));
    }

    [Fact]
    public async Task Import_TokenOfAnotherWorkspace_IsUnmatchedAndStoresNothingThere()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var (otherClient, otherWorkspace) = await Server.MarketerInNewWorkspaceAsync();
        var stranger = await Server.SeedContactAsync(otherWorkspace);
        var token = (await (await otherClient.PostAsync($"/api/contacts/{stranger.Id}/tracking-token", null)).Content.ReadFromJsonAsync<TokenAnswer>())!.Token;

        var report = await ImportAsync(client, File(Row("page_view", 0, page: $"https://www.vendor.example/landing?abm_t={Uri.EscapeDataString(token)}")));

        report.UnmatchedByReason.ShouldBe(new Dictionary<string, int> { [Ga4Unmatched.InvalidToken] = 1 });
        await using var database = Server.OpenDatabase();
        (await database.EngagementEvents.IgnoreQueryFilters().CountAsync(e => e.WorkspaceId == workspace || e.WorkspaceId == otherWorkspace)).ShouldBe(0);
    }

    [Fact]
    public async Task Import_UnmatchedRows_AreCountedByReasonAndListedNeverGuessed()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var first = await Server.SeedContactAsync(workspace);
        var second = await Server.SeedContactAsync(workspace);
        var other = await Server.SeedContactAsync(await Server.CreateWorkspaceAsync("Other portal"));

        var report = await ImportAsync(client, File(
            Row("page_view", 0, browser: "anonymous"),
            Row("page_view", 1, userId: "999999999999", browser: "b-unknown"),
            Row("page_view", 2, userId: other.HubSpotId, browser: "b-other"),
            Row("page_view", 3, userId: first.HubSpotId, browser: "shared"),
            Row("page_view", 4, userId: second.HubSpotId, browser: "shared"),
            Row("page_view", 5, browser: "shared")));

        (report.Imported, report.Unmatched).ShouldBe((2, 4));
        report.UnmatchedByReason.ShouldBe(new Dictionary<string, int>
        {
            [Ga4Unmatched.AmbiguousBrowser] = 1, [Ga4Unmatched.NoIdentity] = 1, [Ga4Unmatched.UnknownContact] = 2,
        });
        report.NotImported.Select(r => (r.Line, r.Reason)).ShouldBe(
            [(1, Ga4Unmatched.NoIdentity), (6, Ga4Unmatched.AmbiguousBrowser), (2, Ga4Unmatched.UnknownContact), (3, Ga4Unmatched.UnknownContact)]);
        await using var database = Server.OpenDatabase();
        (await database.EngagementEvents.IgnoreQueryFilters().CountAsync(e => e.ContactId == other.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Import_SameFileTwice_StoresEachEventOnce()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await Server.SeedContactAsync(workspace);
        var file = File(Row("page_view", 0, userId: contact.HubSpotId), Row("scroll", 0, userId: contact.HubSpotId, percentScrolled: 90));

        var first = await ImportAsync(client, file);
        var again = await ImportAsync(client, file);

        (first.Imported, first.Duplicates).ShouldBe((2, 0));
        (again.Imported, again.Duplicates).ShouldBe((0, 2));
        await using var database = Server.OpenDatabase();
        (await database.EngagementEvents.IgnoreQueryFilters().CountAsync(e => e.ContactId == contact.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task Import_BadRows_AreReportedByLineAndTheGoodOnesImported()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await Server.SeedContactAsync(workspace);

        var report = await ImportAsync(client,
            Row("page_view", 0, userId: contact.HubSpotId) + "\n" +
            "{not json\n" +
            "\n" +
            "[1,2]\n" +
            "{\"event_name\":\"page_view\",\"user_id\":\"" + contact.HubSpotId + "\"}\n" +
            "{\"event_timestamp\":\"1764000000000000\"}\n" +
            Row("page_view", 60 * 24 * 365, userId: contact.HubSpotId) + "\n");

        (report.Rows, report.Imported, report.Rejected).ShouldBe((6, 1, 5));
        report.NotImported.Select(r => r.Line).ShouldBe([2, 4, 5, 6, 7]);
        report.NotImported.ShouldAllBe(r => r.Outcome == "Rejected" && r.Errors!.Count > 0);
        report.NotImported[^1].Errors!.ShouldHaveSingleItem().ShouldContain("in the future");
    }

    [Fact]
    public async Task Import_WrongContentType_Is415()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();

        var response = await client.PostAsync("/api/imports/ga4", new StringContent("a,b\n", Encoding.UTF8, "text/csv"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    private static async Task<Ga4ImportReport> ImportAsync(HttpClient client, string ndjson)
    {
        var response = await client.PostAsync("/api/imports/ga4", new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<Ga4ImportReport>())!;
    }

    private static async Task<Guid> ItemAsync(HttpClient client, string url)
    {
        var response = await client.PostAsJsonAsync("/api/content", new { title = $"Item {Guid.NewGuid():N}", contentType = "whitepaper", url });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AbmServerFactory.IdOnly>())!.Id;
    }
}
