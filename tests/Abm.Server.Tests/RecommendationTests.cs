using System.Net;
using System.Net.Http.Json;
using Abm.Server.Features.Content;
using Abm.Server.Features.Recommendations;

namespace Abm.Server.Tests;

public sealed class RecommendationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Get_ContactWithHistory_ExcludesConsumedAndExplainsEveryItem()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var company = await Server.SeedCompanyAsync(workspace, "financial_services");
        var contact = await Server.SeedContactAsync(workspace, "Chief Financial Officer", company.Id);
        var items = new List<ContentItemResponse>();
        foreach (var (title, type, persona) in new[]
                 {
                     ("Bank ROI model", "roi_calculator", "financial_decision_maker"), ("CFO case study", "case_study", "financial_decision_maker"),
                     ("Kubernetes deep dive", "whitepaper", "technical_director"), ("Ops checklist", "datasheet", "operations_manager"),
                     ("Finance webinar", "webinar", "financial_decision_maker"), ("Budget guide", "whitepaper", "financial_decision_maker"),
                 })
        {
            var created = await client.PostAsJsonAsync("/api/content", new
            {
                title, contentType = type, targetPersonas = new[] { persona }, targetIndustries = new[] { "financial_services" },
                targetJourneyStages = new[] { "problem_awareness", "solution_exploration" },
            });
            items.Add((await created.Content.ReadFromJsonAsync<ContentItemResponse>())!);
        }

        var consumed = items[0].Id;
        (await client.PostAsJsonAsync("/api/events", new
        {
            events = new[] { new { type = "content_download", occurredAt = TimeProvider.System.GetUtcNow().AddDays(-1), contactHubSpotId = contact.HubSpotId, contentId = consumed } },
        })).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/engagement/recompute", null)).EnsureSuccessStatusCode();

        var response = (await client.GetFromJsonAsync<RecommendationsResponse>($"/api/contacts/{contact.Id}/recommendations?k=3"))!;

        response.Items.Count.ShouldBe(3);
        response.Items.Select(i => i.ContentId).ShouldNotContain(consumed);
        response.Items.Select(i => i.Rank).ShouldBe([1, 2, 3]);
        response.Items.ShouldAllBe(i => i.Reason.Length > 0);
        foreach (var item in response.Items)
        {
            var f = item.Factors;
            (f.Industry + f.Persona + f.Stage + f.EngagementHistory + f.Freshness + f.Performance).ShouldBe(item.Score, tolerance: 1e-9);
        }

        response.Items[0].Score.ShouldBeGreaterThanOrEqualTo(response.Items[1].Score);
        response.Items.Select(i => i.Title).ShouldNotContain("Kubernetes deep dive");
    }

    [Fact]
    public async Task Get_Twice_SecondComesFromCacheUntilLibraryChanges()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await Server.SeedContactAsync(workspace, "CTO");
        (await client.PostAsJsonAsync("/api/content", new { title = "Architecture guide", contentType = "whitepaper" })).EnsureSuccessStatusCode();
        var url = $"/api/contacts/{contact.Id}/recommendations";

        var first = (await client.GetFromJsonAsync<RecommendationsResponse>(url))!;
        var second = (await client.GetFromJsonAsync<RecommendationsResponse>(url))!;
        (await client.PostAsJsonAsync("/api/content", new { title = "API reference", contentType = "datasheet" })).EnsureSuccessStatusCode();
        var third = (await client.GetFromJsonAsync<RecommendationsResponse>(url))!;

        first.FromCache.ShouldBeFalse();
        second.FromCache.ShouldBeTrue();
        third.FromCache.ShouldBeFalse();
        third.Items.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Get_ScoreMovesPastDelta_RecomputesInsteadOfUsingCache()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await Server.SeedContactAsync(workspace, "CTO");
        (await client.PostAsJsonAsync("/api/content", new { title = "Architecture guide", contentType = "whitepaper" })).EnsureSuccessStatusCode();
        var url = $"/api/contacts/{contact.Id}/recommendations";
        (await client.GetFromJsonAsync<RecommendationsResponse>(url))!.FromCache.ShouldBeFalse();

        var now = TimeProvider.System.GetUtcNow();
        (await client.PostAsJsonAsync("/api/events", new
        {
            events = new[] { "demo_request", "pricing_inquiry", "meeting_booked" }.Select(t => new { type = t, occurredAt = now.AddHours(-1), contactHubSpotId = contact.HubSpotId }).ToArray(),
        })).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/engagement/recompute", null)).EnsureSuccessStatusCode();

        (await client.GetFromJsonAsync<RecommendationsResponse>(url))!.FromCache.ShouldBeFalse();
    }

    [Fact]
    public async Task Get_BadKOrUnknownContact_Returns400Or404()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await Server.SeedContactAsync(workspace);

        (await client.GetAsync($"/api/contacts/{contact.Id}/recommendations?k=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync($"/api/contacts/{contact.Id}/recommendations?k=abc")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync($"/api/contacts/{Guid.NewGuid()}/recommendations")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
