using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Engines.Engagement;
using Abm.Server.Features.Engagement;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests;

public sealed class EngagementTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task IngestEvents_Contact_ScoreMatchesEngineAndArrivesWithoutAskingForIt()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await Server.SeedContactAsync(workspace, jobTitle: "Chief Financial Officer");
        var now = TimeProvider.System.GetUtcNow();
        var sent = new[] { ("demo_request", now.AddDays(-1)), ("email_open", now.AddDays(-3)), ("pricing_inquiry", now.AddDays(-10)) };
        (await client.PostAsJsonAsync("/api/events", new
        {
            events = sent.Select(e => new { type = e.Item1, occurredAt = e.Item2, contactHubSpotId = contact.HubSpotId }).ToArray(),
        })).EnsureSuccessStatusCode();

        var engagement = await WaitForScoreAsync(client, contact.Id);

        var expected = EngagementScorer.ScoreContact(
            [new(EngagementEventType.DemoRequest, sent[0].Item2), new(EngagementEventType.EmailOpen, sent[1].Item2), new(EngagementEventType.PricingInquiry, sent[2].Item2)],
            TimeProvider.System.GetUtcNow(), EngagementSettings.Default);
        engagement.Score.ShouldBe(expected.Total, tolerance: 0.5); // "now" moved a little between the two computations
        engagement.EventsInWindow.ShouldBe(3);
        engagement.Persona.ShouldBe("financial_decision_maker");
    }

    [Fact]
    public async Task OverrideStage_ThenClear_PinsStageAuditsAndReleasesIt()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await Server.SeedContactAsync(workspace);

        var pinned = await client.PutAsJsonAsync($"/api/contacts/{contact.Id}/journey-stage", new { stage = "decision_finalization" });
        var cleared = await client.DeleteAsync($"/api/contacts/{contact.Id}/journey-stage");
        var invalid = await client.PutAsJsonAsync($"/api/contacts/{contact.Id}/journey-stage", new { stage = "nirvana" });

        (await pinned.Content.ReadFromJsonAsync<ContactEngagementResponse>())!.JourneyStage.ShouldBe("decision_finalization");
        var afterClear = (await cleared.Content.ReadFromJsonAsync<ContactEngagementResponse>())!;
        afterClear.JourneyStageOverride.ShouldBeNull();
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var database = Server.OpenDatabase();
        var actions = await database.AuditLog.IgnoreQueryFilters().Where(a => a.EntityId == contact.Id.ToString()).Select(a => a.Action).ToListAsync();
        actions.ShouldBe(["journey_stage.overridden", "journey_stage.override_cleared"], ignoreOrder: true);
    }

    [Fact]
    public async Task StageHistory_TwoOverridesAndARelease_ListedNewestFirstWithWhoFromAndTo()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await Server.SeedContactAsync(workspace);
        var other = await Server.SeedContactAsync(workspace);
        (await client.PutAsJsonAsync($"/api/contacts/{contact.Id}/journey-stage", new { stage = "vendor_evaluation" })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync($"/api/contacts/{other.Id}/journey-stage", new { stage = "vendor_evaluation" })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync($"/api/contacts/{contact.Id}/journey-stage", new { stage = "decision_finalization" })).EnsureSuccessStatusCode();
        (await client.DeleteAsync($"/api/contacts/{contact.Id}/journey-stage")).EnsureSuccessStatusCode();

        var history = (await client.GetFromJsonAsync<List<StageOverrideChange>>($"/api/contacts/{contact.Id}/journey-stage/history"))!;
        var unknown = await client.GetAsync($"/api/contacts/{Guid.NewGuid()}/journey-stage/history");

        history.Select(h => (h.From, h.To)).ShouldBe([("decision_finalization", null), ("vendor_evaluation", "decision_finalization"), (null, "vendor_evaluation")]);
        history.Select(h => h.At).ShouldBeInOrder(SortDirection.Descending);
        history.ShouldAllBe(h => h.Actor.Length > 0);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Timeline_ContactWithEvents_NewestFirstWithContentTitlesAndLimit()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await Server.SeedContactAsync(workspace);
        var item = (await (await client.PostAsJsonAsync("/api/content", new { title = "ROI model", contentType = "roi_calculator" })).Content.ReadFromJsonAsync<AbmServerFactory.IdOnly>())!.Id;
        var now = TimeProvider.System.GetUtcNow();
        (await client.PostAsJsonAsync("/api/events", new
        {
            events = new object[]
            {
                new { type = "email_open", occurredAt = now.AddDays(-3), contactHubSpotId = contact.HubSpotId },
                new { type = "content_download", occurredAt = now.AddDays(-1), contactHubSpotId = contact.HubSpotId, contentId = item },
                new { type = "webinar_attendance", occurredAt = now.AddDays(-2), contactHubSpotId = contact.HubSpotId },
            },
        })).EnsureSuccessStatusCode();

        var all = (await client.GetFromJsonAsync<List<ActivityEntry>>($"/api/contacts/{contact.Id}/timeline"))!;
        var two = (await client.GetFromJsonAsync<List<ActivityEntry>>($"/api/contacts/{contact.Id}/timeline?limit=2"))!;
        var tooMany = await client.GetAsync($"/api/contacts/{contact.Id}/timeline?limit=201");

        all.Select(e => e.EventType).ShouldBe(["content_download", "webinar_attendance", "email_open"]);
        (all[0].ContentId, all[0].ContentTitle, all[1].ContentTitle).ShouldBe((item, "ROI model", null));
        two.Count.ShouldBe(2);
        tooMany.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Recompute_AccountWithTwoRoles_RollsUpCoverageAndQueuesWriteBackOnce()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var company = await Server.SeedCompanyAsync(workspace, "technology");
        var champion = await Server.SeedContactAsync(workspace, "VP Engineering", company.Id, "CHAMPION");
        var budget = await Server.SeedContactAsync(workspace, "CFO", company.Id, "BUDGET_HOLDER");
        var now = TimeProvider.System.GetUtcNow();
        (await client.PostAsJsonAsync("/api/events", new
        {
            // The champion is busy (a demo request and eighty visits in the last day: engaged); the budget holder
            // attended one webinar (not engaged).
            events = new[]
            {
                new { type = "demo_request", occurredAt = now.AddDays(-2), contactHubSpotId = champion.HubSpotId },
                new { type = "webinar_attendance", occurredAt = now.AddDays(-1), contactHubSpotId = budget.HubSpotId },
            }.Concat(Enumerable.Range(1, 80).Select(i => new { type = "website_visit", occurredAt = now.AddMinutes(-i * 15), contactHubSpotId = champion.HubSpotId })).ToArray(),
        })).EnsureSuccessStatusCode();

        var recomputed = await client.PostAsync("/api/engagement/recompute", null);
        var first = await recomputed.Content.ReadFromJsonAsync<RecomputeSummary>();
        recomputed.StatusCode.ShouldBe(HttpStatusCode.OK, await recomputed.Content.ReadAsStringAsync());
        await client.PostAsync("/api/engagement/recompute", null);

        first!.Contacts.ShouldBe(2);
        var account = (await client.GetFromJsonAsync<AccountEngagementResponse>($"/api/accounts/{company.Id}/engagement"))!;
        account.Score.ShouldBeGreaterThan(0);
        account.StakeholderCoverage.ShouldBe(50); // of the two roles held, the champion's is engaged
        account.RoleCounts!.Contacts["CHAMPION"].ShouldBe(1);
        await using var database = Server.OpenDatabase();
        var outbox = await database.HubSpotOutbox.IgnoreQueryFilters().Where(o => o.WorkspaceId == workspace).ToListAsync();
        outbox.Count(o => o.HubSpotId == champion.HubSpotId).ShouldBe(1);
        outbox.Count(o => o.HubSpotId == company.HubSpotId).ShouldBe(1);
        var properties = JsonSerializer.Deserialize<Dictionary<string, string>>(outbox.Single(o => o.HubSpotId == budget.HubSpotId).Properties)!;
        properties["abm_persona_classification"].ShouldBe("financial_decision_maker");
        properties.Keys.ShouldContain("abm_content_engagement_score");
    }

    [Fact]
    public async Task Settings_SaveWeights_AreUsedAndBadOnesRejected()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var admin = Server.ClientWithKey((await Server.CreateKeyAsync("admin", workspace)).Key);

        var bad = await admin.PutAsJsonAsync("/api/engagement/settings", new { eventWeights = new Dictionary<string, double> { ["teleport"] = 5, ["email_open"] = -1 }, halfLifeDays = 0 });
        var good = await admin.PutAsJsonAsync("/api/engagement/settings", new { eventWeights = new Dictionary<string, double> { ["email_open"] = 40 }, windowDays = 60 });

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await bad.Content.ReadAsStringAsync();
        body.ShouldContain("teleport");
        body.ShouldContain("halfLifeDays");
        good.StatusCode.ShouldBe(HttpStatusCode.OK);
        var settings = (await client.GetFromJsonAsync<EngagementSettingsDocument>("/api/engagement/settings"))!;
        settings.EventWeights!["email_open"].ShouldBe(40);
        settings.EventWeights["demo_request"].ShouldBe(50);
        settings.WindowDays.ShouldBe(60);
    }

    private static async Task<ContactEngagementResponse> WaitForScoreAsync(HttpClient client, Guid contactId)
    {
        await Eventually.WaitForAsync(
            async () => (await client.GetFromJsonAsync<ContactEngagementResponse>($"/api/contacts/{contactId}/engagement"))!.ComputedAt is null ? null : "scored",
            "Scoring the contact after its events arrived");

        // Read again: the read that saw the score may have raced the save between its contact and score queries.
        return (await client.GetFromJsonAsync<ContactEngagementResponse>($"/api/contacts/{contactId}/engagement"))!;
    }
}
