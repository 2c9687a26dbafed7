using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;

namespace Abm.Server.Tests.Marketing;

/// <summary>HubSpot marketing campaigns through /api/hubspot/campaigns against the sandbox: create, read, filter, assets, performance, bad input.</summary>
public sealed class HubSpotCampaignApiTests(MarketingSandbox fixture) : IClassFixture<MarketingSandbox>
{
    [Fact]
    public async Task Create_ThenGetAndListByStatusAndDates_ShowsTheCampaign()
    {
        var name = $"Spring launch {Guid.NewGuid():N}";
        var created = await CreateAsync(new { name, startDate = "2026-03-01", endDate = "2026-05-31", status = "active", currencyCode = "EUR", audience = "CFOs" });
        var id = created.GetProperty("id").GetString();

        var read = await fixture.Marketer().GetFromJsonAsync<JsonElement>($"/api/hubspot/campaigns/{id}");
        var active = await Names($"/api/hubspot/campaigns?status=active&name={name}");
        var completed = await Names($"/api/hubspot/campaigns?status=completed&name={name}");
        var inWindow = await Names($"/api/hubspot/campaigns?from=2026-04-01&to=2026-04-30&name={name}");
        var afterWindow = await Names($"/api/hubspot/campaigns?from=2026-06-01&name={name}");

        (read.GetProperty("name").GetString(), read.GetProperty("startDate").GetString(), read.GetProperty("currencyCode").GetString()).ShouldBe((name, "2026-03-01", "EUR"));
        string.Join("|", active.Count, completed.Count, inWindow.Count, afterWindow.Count, active.Single(), inWindow.Single()).ShouldBe($"1|0|1|0|{name}|{name}");
    }

    [Fact]
    public async Task Performance_EmailOfTheCampaignSentOpenedAndADealCreated_CountsSendOpenInfluencedContactAndDeal()
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var created = await CreateAsync(new { name = $"Webinar {Guid.NewGuid():N}", startDate = today.AddDays(-1).ToString("yyyy-MM-dd"), endDate = today.AddDays(1).ToString("yyyy-MM-dd") });
        var id = created.GetProperty("id").GetString()!;
        await (await fixture.ClientAsync()).Campaigns.AddAssetAsync(id, "MARKETING_EMAIL", "710002");
        var company = Guid.NewGuid();
        var contact = await fixture.PortalContactAsync(companyId: await CompanyAsync(company));
        (await fixture.Marketer().PostAsJsonAsync("/api/hubspot/email/sends", new { emailId = "710002", contactId = contact.Id })).EnsureSuccessStatusCode();
        await StoreOpenAndDealAsync(contact, company);

        var assets = await fixture.Marketer().GetFromJsonAsync<JsonElement>($"/api/hubspot/campaigns/{id}/assets?assetType=MARKETING_EMAIL");
        var performance = await fixture.Marketer().GetFromJsonAsync<JsonElement>($"/api/hubspot/campaigns/{id}/performance");

        assets.GetProperty("assets").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ShouldBe(["710002"]);
        (performance.GetProperty("sends").GetInt32(), performance.GetProperty("opens").GetInt32(), performance.GetProperty("influencedContacts").GetInt32(),
            performance.GetProperty("influencedDeals").GetInt32()).ShouldBe((1, 1, 1, 1));
    }

    [Theory]
    [InlineData("""{ "name": "" }""", "name")]
    [InlineData("""{ "name": "Bad dates", "startDate": "2026-05-01", "endDate": "2026-04-01" }""", "endDate")]
    [InlineData("""{ "name": "Bad status", "status": "running" }""", "status")]
    [InlineData("""{ "name": "Bad currency", "currencyCode": "euro" }""", "currencyCode")]
    public async Task Create_BadInput_400NamingTheField(string body, string field)
    {
        var response = await fixture.Marketer().PostAsync("/api/hubspot/campaigns", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Theory]
    [InlineData("/api/hubspot/campaigns/not-a-guid", HttpStatusCode.BadRequest)]
    [InlineData("/api/hubspot/campaigns/00000000-0000-0000-0000-00000000abcd", HttpStatusCode.NotFound)]
    [InlineData("/api/hubspot/campaigns?status=running", HttpStatusCode.BadRequest)]
    public async Task Read_BadOrUnknownCampaign_Problem(string path, HttpStatusCode expected)
    {
        var response = await fixture.Marketer().GetAsync(path);

        response.StatusCode.ShouldBe(expected);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private async Task<JsonElement> CreateAsync(object body)
    {
        var response = await fixture.Marketer().PostAsJsonAsync("/api/hubspot/campaigns", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<List<string>> Names(string path) =>
        [.. (await fixture.Marketer().GetFromJsonAsync<JsonElement>(path)).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    private async Task<Guid> CompanyAsync(Guid id)
    {
        await using var database = fixture.Server.OpenDatabase();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        database.Companies.Add(new Company { Id = id, WorkspaceId = fixture.Workspace, HubSpotId = $"c{id:N}"[..20], Name = "Influenced Co", CreatedAt = now, UpdatedAt = now });
        await database.SaveChangesAsync();
        return id;
    }

    // What the sync stores: the email event with its emailCampaignId, and a deal of the contact's company created now.
    private async Task StoreOpenAndDealAsync(Contact contact, Guid company)
    {
        await using var database = fixture.Server.OpenDatabase();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        database.EngagementEvents.Add(new EngagementEvent
        {
            WorkspaceId = fixture.Workspace, Id = Guid.CreateVersion7(), OccurredAt = now.AddSeconds(1), ContactId = contact.Id, EventType = "email_open", Source = "hubspot",
            ClientEventId = $"hubspot-email-{Guid.NewGuid():N}", Metadata = """{"emailCampaignId":710002}""", CreatedAt = now,
        });
        database.Deals.Add(new Deal { Id = Guid.NewGuid(), WorkspaceId = fixture.Workspace, HubSpotId = $"d{Guid.NewGuid():N}"[..20], Name = "Influenced deal", CompanyId = company, Amount = 5000, CreatedAt = now, UpdatedAt = now });
        await database.SaveChangesAsync();
    }
}
