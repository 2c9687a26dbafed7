using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Abm.Server.Tests.Sync;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.HubSpotRecords;

/// <summary>An operator manages two portals from two workspaces of one server: what is written through one never shows in the other.</summary>
public sealed class TwoPortalRecordTests : IAsyncLifetime
{
    private SyncHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await SyncHarness.StartAsync(accounts: 2, settings: RecordApi.Settings, portals: 2);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Writes_ThroughTwoWorkspacesOnTwoPortals_StayInTheirOwnPortalAndLocalCopy()
    {
        var second = _harness.Sandbox.Portals[1];
        var otherWorkspace = await _harness.Server.CreateWorkspaceAsync("Second portal");
        var otherAdmin = _harness.Server.ClientWithKey((await _harness.Server.CreateKeyAsync("admin", otherWorkspace)).Key);
        (await otherAdmin.PostAsJsonAsync("/api/connections", new { accessToken = second.AccessToken, portalId = second.PortalId.ToString(CultureInfo.InvariantCulture) }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var first = _harness.Server.OperatorClient();
        using var secondPortal = new HttpClient { BaseAddress = new Uri(_harness.Sandbox.BaseUrl) };
        secondPortal.DefaultRequestHeaders.Authorization = new("Bearer", second.AccessToken);

        // The same email in both portals: each is a new contact of its own portal, not a duplicate of the other's.
        var inFirst = await RecordApi.SendAsync(first, HttpMethod.Post, "/api/hubspot/contacts", new { properties = new { email = "shared@agency.example", firstname = "First" } });
        var inSecond = await RecordApi.SendAsync(otherAdmin, HttpMethod.Post, "/api/hubspot/contacts", new { properties = new { email = "shared@agency.example", firstname = "Second" } });
        var firstId = inFirst.Body.Text("record", "id");
        var secondId = inSecond.Body.Text("record", "id");
        var crossRead = await RecordApi.SendAsync(otherAdmin, HttpMethod.Get, $"/api/hubspot/contacts/{firstId}");
        var crossArchive = await RecordApi.SendAsync(otherAdmin, HttpMethod.Delete, $"/api/hubspot/contacts/{firstId}");
        var firstList = await RecordApi.SendAsync(first, HttpMethod.Get, "/api/hubspot/contacts?email=shared@agency.example");
        var secondList = await RecordApi.SendAsync(otherAdmin, HttpMethod.Get, "/api/hubspot/contacts?email=shared@agency.example");

        inFirst.Status.ShouldBe(HttpStatusCode.Created);
        inSecond.Status.ShouldBe(HttpStatusCode.Created, inSecond.Body.ToString());
        firstId.ShouldNotBe(secondId);
        (await RecordApi.PortalRecordAsync(_harness.HubSpot, "contacts", firstId, "firstname"))!.Value.Text("properties", "firstname").ShouldBe("First");
        (await RecordApi.PortalRecordAsync(secondPortal, "contacts", firstId, "firstname")).ShouldBeNull();
        (await RecordApi.PortalRecordAsync(_harness.HubSpot, "contacts", secondId, "firstname")).ShouldBeNull();
        crossRead.Status.ShouldBe(HttpStatusCode.NotFound);
        crossArchive.Status.ShouldBe(HttpStatusCode.NoContent); // HubSpot answers 204 for an id it does not have
        (await RecordApi.PortalRecordAsync(_harness.HubSpot, "contacts", firstId, "firstname")).ShouldNotBeNull();
        firstList.Body.GetProperty("items").EnumerateArray().Select(i => i.Text("properties", "firstname")).ShouldBe(["First"]);
        secondList.Body.GetProperty("items").EnumerateArray().Select(i => i.Text("properties", "firstname")).ShouldBe(["Second"]);
        await using var database = _harness.Server.OpenDatabase();
        var rows = await database.Contacts.IgnoreQueryFilters().Where(c => c.Email == "shared@agency.example").Select(c => new { c.WorkspaceId, c.HubSpotId, c.ArchivedAt }).ToListAsync();
        rows.ShouldBe([new { WorkspaceId = _harness.WorkspaceId, HubSpotId = firstId, ArchivedAt = (DateTime?)null }, new { WorkspaceId = otherWorkspace, HubSpotId = secondId, ArchivedAt = (DateTime?)null }], ignoreOrder: true);
    }
}
