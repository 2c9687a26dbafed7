using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Server.Features.Leads;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.Leads;

public sealed class LeadScoringTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task ScoreLead_FittingLead_HighWithReasoningSimilarClientsOutboxAndOneHighTask()
    {
        var (client, workspace) = await ProfiledWorkspaceAsync();
        var contact = await SeedLeadAsync(workspace, "Chief Technology Officer", "technology", 900, 150_000_000m, "United States", "HubSpot;AWS;Slack", owner: "501");

        var first = await ScoreAsync(client, contact.Id);
        var again = await ScoreAsync(client, contact.Id);

        first.Status.ShouldBe("scored");
        first.Score!.Value.ShouldBeGreaterThanOrEqualTo(80);
        first.Fit.ShouldBe("High");
        first.NextAction.ShouldBe("Call");
        first.Priority.ShouldBe("high");
        first.Provider.ShouldBe("fallback");
        first.UsedFallback.ShouldBe(true);
        first.Reasoning!.ShouldContain("Meets: industry");
        first.Criteria.Select(c => c.Criterion).ShouldContain("technology stack");
        first.SimilarClients.ShouldHaveSingleItem().Name.ShouldBe("Core");
        first.SimilarClients[0].Similarity.ShouldBeGreaterThan(0.3);
        again.Score.ShouldBe(first.Score);
        await using var database = Server.OpenDatabase();
        var tasks = await database.SalesTasks.IgnoreQueryFilters().Where(t => t.ContactId == contact.Id).ToListAsync();
        tasks.ShouldHaveSingleItem().Priority.ShouldBe("HIGH");
        tasks[0].OwnerHubSpotId.ShouldBe("501");
        var outbox = await database.HubSpotOutbox.IgnoreQueryFilters().SingleAsync(o => o.WorkspaceId == workspace && o.HubSpotId == contact.HubSpotId);
        var properties = JsonSerializer.Deserialize<Dictionary<string, string>>(outbox.Properties)!;
        properties["ai_lead_score"].ShouldBe(first.Score.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        properties["ai_lead_fit"].ShouldBe("High");
        properties["ai_next_best_action"].ShouldBe("Call");
        properties.ShouldContainKey("ai_last_scored");
        (await database.LeadScores.IgnoreQueryFilters().CountAsync(s => s.ContactId == contact.Id)).ShouldBe(2);
        (await database.LeadScores.IgnoreQueryFilters().CountAsync(s => s.ContactId == contact.Id && s.IsCurrent)).ShouldBe(1);
    }

    [Fact]
    public async Task ScoreLead_AlmostNoData_LowWithReasoningNamingWhatIsMissing()
    {
        var (client, workspace) = await ProfiledWorkspaceAsync();
        var contact = await Server.SeedContactAsync(workspace);

        var lead = await ScoreAsync(client, contact.Id);

        lead.Fit.ShouldBe("Low");
        lead.NextAction.ShouldBe("Nurture");
        lead.Reasoning!.ShouldContain("Too little is known");
        lead.Reasoning!.ShouldContain("Missing: industry, company size");
    }

    [Fact]
    public async Task ListLeads_Filters_ReturnTheQueues()
    {
        var (client, workspace) = await ProfiledWorkspaceAsync();
        var high = await SeedLeadAsync(workspace, "VP Sales", "technology", 900, 150_000_000m, "United States", "hubspot;aws;slack", owner: "77");
        var low = await Server.SeedContactAsync(workspace);
        var scored = await client.PostAsJsonAsync("/api/leads/score", new { all = true });
        scored.StatusCode.ShouldBe(HttpStatusCode.OK, await scored.Content.ReadAsStringAsync());
        (await scored.Content.ReadFromJsonAsync<LeadScoringSummary>(Json))!.ShouldBe(new LeadScoringSummary(2, 1, 0, 1, 2, 2));

        var highQueue = (await client.GetFromJsonAsync<LeadPage>("/api/leads?priority=high", Json))!;
        var lowQueue = (await client.GetFromJsonAsync<LeadPage>("/api/leads?fit=Low", Json))!;
        var owned = (await client.GetFromJsonAsync<LeadPage>("/api/leads?owner=77", Json))!;
        var status = (await client.GetFromJsonAsync<AiStatus>("/api/ai/status", Json))!;

        highQueue.Items.ShouldHaveSingleItem().ContactId.ShouldBe(high.Id);
        lowQueue.Items.ShouldHaveSingleItem().ContactId.ShouldBe(low.Id);
        owned.Total.ShouldBe(1);
        status.Provider.ShouldBe("fallback");
        status.ScoredToday.ShouldBe(2);
        status.FallbackToday.ShouldBe(2);
        status.EmbeddingDimensions.ShouldBe(256);
    }

    [Theory]
    [InlineData("/api/leads?priority=urgent", "priority")]
    [InlineData("/api/leads?fit=high", "fit")]
    [InlineData("/api/leads?limit=0", "limit")]
    public async Task ListLeads_BadFilter_Returns400NamingTheField(string path, string field)
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();

        var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task ScoreLeads_NoContactsNamed_Returns400NamingContactIds()
    {
        var (client, _) = await Server.MarketerInNewWorkspaceAsync();

        var response = await client.PostAsJsonAsync("/api/leads/score", new { });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("contactIds", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task GetLead_NeverScored_SaysUnscored()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await Server.SeedContactAsync(workspace);

        var lead = (await client.GetFromJsonAsync<LeadDetail>($"/api/leads/{contact.Id}", Json))!;

        lead.Status.ShouldBe("unscored");
        lead.Score.ShouldBeNull();
    }

    private static async Task<LeadDetail> ScoreAsync(HttpClient client, Guid contactId)
    {
        var response = await client.PostAsync($"/api/leads/{contactId}/score", null);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LeadDetail>(Json))!;
    }

    private Task<(HttpClient Client, Guid Workspace)> ProfiledWorkspaceAsync() => LeadTestData.ProfiledWorkspaceAsync(Server);

    private Task<Contact> SeedLeadAsync(Guid workspace, string title, string industry, int employees, decimal revenue, string country, string technologies, string? owner = null) =>
        LeadTestData.SeedLeadAsync(Server, workspace, title, industry, employees, revenue, country, technologies, owner);
}
