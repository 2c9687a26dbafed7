using System.Net;
using System.Net.Http.Json;
using Abm.Server.Features.Recommendations;

namespace Abm.Server.Tests.Recommendations;

/// <summary>Approve or skip an item for a contact: skipped items leave that contact's recommendations (even a cached list), approved ones are marked.</summary>
public sealed class RecommendationFeedbackTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Skip_RecommendedItem_LeavesThatContactsListOnlyAndUndoBringsItBack()
    {
        var (client, workspace, contact, other) = await SeedAsync();
        var before = await RecommendAsync(client, contact);
        var skipped = before.Items[0];
        var sales = Server.ClientWithKey((await Server.CreateKeyAsync("sales", workspace)).Key);

        var decided = await sales.PutAsJsonAsync($"/api/contacts/{contact}/recommendations/{skipped.ContentId}/feedback", new { verdict = "skipped" });
        var after = await RecommendAsync(client, contact);
        var otherContact = await RecommendAsync(client, other);

        decided.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = (await decided.Content.ReadFromJsonAsync<FeedbackResponse>())!;
        (body.Verdict, body.Title, body.ContentId).ShouldBe(("skipped", skipped.Title, skipped.ContentId));
        after.FromCache.ShouldBeFalse(); // the verdict invalidated the cached list
        after.Items.Select(i => i.ContentId).ShouldNotContain(skipped.ContentId);
        after.Items.Count.ShouldBe(before.Items.Count);
        otherContact.Items.Select(i => i.ContentId).ShouldContain(skipped.ContentId);

        (await sales.DeleteAsync($"/api/contacts/{contact}/recommendations/{skipped.ContentId}/feedback")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await RecommendAsync(client, contact)).Items.Select(i => i.ContentId).ShouldContain(skipped.ContentId);
        (await sales.DeleteAsync($"/api/contacts/{contact}/recommendations/{skipped.ContentId}/feedback")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Approve_ThenSkip_MarkedApprovedThenReplacedAndListedNewestFirst()
    {
        var (client, _, contact, _) = await SeedAsync();
        var items = (await RecommendAsync(client, contact)).Items;

        (await client.PutAsJsonAsync($"/api/contacts/{contact}/recommendations/{items[1].ContentId}/feedback", new { verdict = "approved" })).EnsureSuccessStatusCode();
        var marked = await RecommendAsync(client, contact);
        (await client.PutAsJsonAsync($"/api/contacts/{contact}/recommendations/{items[2].ContentId}/feedback", new { verdict = "approved" })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync($"/api/contacts/{contact}/recommendations/{items[1].ContentId}/feedback", new { verdict = "skipped" })).EnsureSuccessStatusCode();
        var verdicts = (await client.GetFromJsonAsync<List<FeedbackResponse>>($"/api/contacts/{contact}/recommendations/feedback"))!;

        marked.Items.Single(i => i.ContentId == items[1].ContentId).Verdict.ShouldBe("approved");
        marked.Items.Where(i => i.ContentId != items[1].ContentId).ShouldAllBe(i => i.Verdict == null);
        verdicts.Select(v => (v.ContentId, v.Verdict)).ShouldBe([(items[1].ContentId, "skipped"), (items[2].ContentId, "approved")]);
        verdicts.ShouldAllBe(v => v.DecidedBy.Length > 0);
    }

    [Fact]
    public async Task Decide_BadVerdictOrUnknownItem_ClearProblemsAndNothingStored()
    {
        var (client, _, contact, _) = await SeedAsync();
        var item = (await RecommendAsync(client, contact)).Items[0].ContentId;
        var viewer = Server.ClientWithKey((await Server.CreateKeyAsync("viewer", (await Server.MarketerInNewWorkspaceAsync()).Workspace)).Key);

        var bad = await client.PutAsJsonAsync($"/api/contacts/{contact}/recommendations/{item}/feedback", new { verdict = "maybe" });
        var missing = await client.PutAsJsonAsync($"/api/contacts/{contact}/recommendations/{item}/feedback", new { });
        var unknownItem = await client.PutAsJsonAsync($"/api/contacts/{contact}/recommendations/{Guid.NewGuid()}/feedback", new { verdict = "skipped" });
        var unknownContact = await client.GetAsync($"/api/contacts/{Guid.NewGuid()}/recommendations/feedback");

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("verdict must be approved or skipped");
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        unknownItem.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknownContact.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetFromJsonAsync<List<FeedbackResponse>>($"/api/contacts/{contact}/recommendations/feedback"))!.ShouldBeEmpty();
        (await viewer.PutAsJsonAsync($"/api/contacts/{contact}/recommendations/{item}/feedback", new { verdict = "skipped" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    /// <summary>A workspace with six items and two contacts of the same profile; returns a marketer client.</summary>
    private async Task<(HttpClient Client, Guid Workspace, Guid Contact, Guid Other)> SeedAsync()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var company = await Server.SeedCompanyAsync(workspace, "financial_services");
        var contact = await Server.SeedContactAsync(workspace, "Chief Financial Officer", company.Id);
        var other = await Server.SeedContactAsync(workspace, "Chief Financial Officer", company.Id);
        foreach (var (title, type) in new[] { ("ROI model", "roi_calculator"), ("Case study", "case_study"), ("Webinar", "webinar"), ("Guide", "whitepaper"), ("Datasheet", "datasheet"), ("Checklist", "whitepaper") })
        {
            (await client.PostAsJsonAsync("/api/content", new { title, contentType = type, targetIndustries = new[] { "financial_services" } })).EnsureSuccessStatusCode();
        }

        return (client, workspace, contact.Id, other.Id);
    }

    private static async Task<RecommendationsResponse> RecommendAsync(HttpClient client, Guid contact) =>
        (await client.GetFromJsonAsync<RecommendationsResponse>($"/api/contacts/{contact}/recommendations?k=3"))!;
}
