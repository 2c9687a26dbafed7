using System.Net;
using System.Text.Json;
using Abm.Server.Tests.Sync;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.HubSpotRecords;

/// <summary>The record lists read the local copy with their filters; the pipelines come from the portal.</summary>
public sealed class HubSpotRecordListTests : IAsyncLifetime
{
    private SyncHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await SyncHarness.StartAsync(accounts: 4, settings: RecordApi.Settings);
        (await _harness.SyncAsync("full")).GetProperty("status").GetString().ShouldBe("succeeded");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private HttpClient Api => _harness.Server.OperatorClient();

    [Fact]
    public async Task ListContacts_Filters_MatchWhatTheLocalCopyHolds()
    {
        await using var database = _harness.Server.OpenDatabase();
        var contacts = await database.Contacts.IgnoreQueryFilters().Where(c => c.WorkspaceId == _harness.WorkspaceId && c.ArchivedAt == null).ToListAsync();
        var company = await database.Companies.IgnoreQueryFilters().FirstAsync(c => c.WorkspaceId == _harness.WorkspaceId);
        var someone = contacts[0];
        var middle = contacts.Select(c => c.HubSpotCreatedAt!.Value).Order().ElementAt(contacts.Count / 2);

        var all = await ListAsync("/api/hubspot/contacts?limit=1000");
        var byEmail = await ListAsync($"/api/hubspot/contacts?email={Uri.EscapeDataString(someone.Email!.ToUpperInvariant())}");
        var byName = await ListAsync($"/api/hubspot/contacts?name={Uri.EscapeDataString(someone.LastName!.ToUpperInvariant())}");
        var byCompany = await ListAsync($"/api/hubspot/contacts?company={company.HubSpotId}&limit=1000");
        var byCompanyName = await ListAsync($"/api/hubspot/contacts?company={Uri.EscapeDataString(company.Name!)}&limit=1000");
        var recent = await ListAsync($"/api/hubspot/contacts?createdAfter={Uri.EscapeDataString(middle.ToString("O"))}&limit=1000");
        var page = await ListAsync("/api/hubspot/contacts?limit=2&offset=1");

        all.GetProperty("total").GetInt32().ShouldBe(contacts.Count);
        all.GetProperty("source").GetString().ShouldBe("local_copy");
        all.GetProperty("lastSyncAt").ValueKind.ShouldBe(JsonValueKind.String);
        Ids(byEmail).ShouldBe([someone.HubSpotId]);
        Ids(byName).ShouldContain(someone.HubSpotId);
        Ids(byName).Count.ShouldBe(contacts.Count(c => (c.FirstName + " " + c.LastName).Contains(someone.LastName!, StringComparison.OrdinalIgnoreCase)));
        Ids(byCompany).ShouldBe(contacts.Where(c => c.CompanyId == company.Id).Select(c => c.HubSpotId), ignoreOrder: true);
        Ids(byCompanyName).ShouldBe(Ids(byCompany), ignoreOrder: true);
        Ids(recent).ShouldBe(contacts.Where(c => c.HubSpotCreatedAt >= middle).Select(c => c.HubSpotId), ignoreOrder: true);
        Ids(page).ShouldBe(Ids(all).Skip(1).Take(2));
        byCompany.GetProperty("items")[0].GetProperty("associations").GetProperty("companies")[0].GetString().ShouldBe(company.HubSpotId);
    }

    [Fact]
    public async Task ListCompaniesAndDeals_Filters_MatchWhatTheLocalCopyHolds()
    {
        await using var database = _harness.Server.OpenDatabase();
        var companies = await database.Companies.IgnoreQueryFilters().Where(c => c.WorkspaceId == _harness.WorkspaceId).ToListAsync();
        var deals = await database.Deals.IgnoreQueryFilters().Where(d => d.WorkspaceId == _harness.WorkspaceId).ToListAsync();
        var first = companies[0];
        var stage = deals[0].Stage!;

        var byDomain = await ListAsync($"/api/hubspot/companies?domain=WWW.{first.Domain!.ToUpperInvariant()}");
        var byIndustry = await ListAsync($"/api/hubspot/companies?industry={first.Industry}");
        var byName = await ListAsync($"/api/hubspot/companies?name={Uri.EscapeDataString(first.Name![..3])}");
        var byStage = await ListAsync($"/api/hubspot/deals?stage={stage}");
        var bigOnes = await ListAsync("/api/hubspot/deals?minAmount=50000&maxAmount=500000");
        var closingSoon = await ListAsync("/api/hubspot/deals?closeAfter=2026-01-01T00:00:00Z&closeBefore=2027-01-01T00:00:00Z");

        Ids(byDomain).ShouldBe([first.HubSpotId]);
        Ids(byIndustry).ShouldBe(companies.Where(c => c.Industry == first.Industry).Select(c => c.HubSpotId), ignoreOrder: true);
        Ids(byName).ShouldBe(companies.Where(c => c.Name!.Contains(first.Name[..3], StringComparison.OrdinalIgnoreCase)).Select(c => c.HubSpotId), ignoreOrder: true);
        Ids(byStage).ShouldBe(deals.Where(d => d.Stage == stage).Select(d => d.HubSpotId), ignoreOrder: true);
        Ids(bigOnes).ShouldBe(deals.Where(d => d.Amount is >= 50000 and <= 500000).Select(d => d.HubSpotId), ignoreOrder: true);
        Ids(closingSoon).ShouldBe(deals.Where(d => d.CloseDate >= new DateTime(2026, 1, 1) && d.CloseDate < new DateTime(2027, 1, 1)).Select(d => d.HubSpotId), ignoreOrder: true);
    }

    [Fact]
    public async Task Lists_BadFilters_Return400NamingEach()
    {
        var (status, body, _) = await RecordApi.SendAsync(Api, HttpMethod.Get, "/api/hubspot/deals?minAmount=ten&closeAfter=yesterday&limit=0");
        var (contactsStatus, contactsBody, _) = await RecordApi.SendAsync(Api, HttpMethod.Get, "/api/hubspot/contacts?createdBefore=2026-01-01");

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["minAmount", "closeAfter", "limit"], ignoreOrder: true);
        contactsStatus.ShouldBe(HttpStatusCode.BadRequest);
        contactsBody.GetProperty("errors").TryGetProperty("createdBefore", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Pipelines_DefaultPortal_AnswersTheSalesPipelineWithItsStages()
    {
        var (status, body, _) = await RecordApi.SendAsync(Api, HttpMethod.Get, "/api/hubspot/pipelines");
        var stages = await RecordApi.SendAsync(Api, HttpMethod.Get, "/api/hubspot/pipelines/default/stages");
        var unknown = await RecordApi.SendAsync(Api, HttpMethod.Get, "/api/hubspot/pipelines/no-such-pipeline/stages");

        status.ShouldBe(HttpStatusCode.OK);
        var pipeline = body.GetProperty("results").EnumerateArray().Single();
        (pipeline.Text("id"), pipeline.Text("label")).ShouldBe(("default", "Sales Pipeline"));
        stages.Status.ShouldBe(HttpStatusCode.OK);
        var won = stages.Body.GetProperty("results").EnumerateArray().Single(s => s.Text("id") == "closedwon");
        (won.GetProperty("probability").GetDouble(), won.GetProperty("isClosed").GetBoolean()).ShouldBe((1.0, true));
        stages.Body.GetProperty("results").EnumerateArray().Select(s => s.GetProperty("displayOrder").GetInt32()).ShouldBe([0, 1, 2, 3, 4, 5, 6]);
        unknown.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<JsonElement> ListAsync(string path)
    {
        var (status, body, _) = await RecordApi.SendAsync(Api, HttpMethod.Get, path);
        status.ShouldBe(HttpStatusCode.OK, $"{path}: {body}");
        return body;
    }

    private static List<string> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.Text("id"))];
}
