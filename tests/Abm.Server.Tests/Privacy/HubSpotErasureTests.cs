using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Tests.Sync;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.Privacy;

/// <summary>
/// <c>POST /api/contacts/{id}/erase?hubspot=true</c> against the sandbox over HTTP: HubSpot's GDPR delete is called
/// once, the contact is gone from HubSpot for good (reads, archived reads and search), and a later full sync does not
/// bring it back.
/// </summary>
public sealed class HubSpotErasureTests : IAsyncLifetime
{
    private const string GdprDeleteRoute = "POST /crm/v3/objects/{type}/gdpr-delete";
    private SyncHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await SyncHarness.StartAsync(accounts: 2);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task EraseWithHubSpot_SyncedContact_GdprDeleteCalledOnceGoneFromHubSpotAndNotSyncedBack()
    {
        (await _harness.SyncAsync("full")).GetProperty("status").GetString().ShouldBe("succeeded");
        await using var database = _harness.Server.OpenDatabase();
        var contact = await database.Contacts.IgnoreQueryFilters().AsNoTracking().Where(c => c.WorkspaceId == _harness.WorkspaceId && c.Email != null).OrderBy(c => c.HubSpotId).FirstAsync();
        (await _harness.HubSpot.DeleteAsync("/_sandbox/counters")).EnsureSuccessStatusCode();

        using var response = await _harness.Server.OperatorClient().PostAsync($"/api/contacts/{contact.Id}/erase?hubspot=true", null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        (report.GetProperty("status").GetString(), report.GetProperty("hubSpot").GetProperty("status").GetString()).ShouldBe(("erased", "deleted"));
        report.GetProperty("removed").GetProperty("contacts").GetInt32().ShouldBe(1);
        (await _harness.CountAsync(GdprDeleteRoute)).ShouldBe(1);
        (await _harness.HubSpot.GetAsync($"/crm/v3/objects/contacts/{contact.HubSpotId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _harness.HubSpot.GetAsync($"/crm/v3/objects/contacts/{contact.HubSpotId}?archived=true")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a GDPR delete is not a recycle-bin archive");
        (await _harness.HubSpot.GetAsync($"/crm/v3/objects/contacts/{Uri.EscapeDataString(contact.Email!)}?idProperty=email")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        (await _harness.SyncAsync("full")).GetProperty("status").GetString().ShouldBe("succeeded");

        (await database.Contacts.IgnoreQueryFilters().CountAsync(c => c.HubSpotId == contact.HubSpotId || c.Email == contact.Email)).ShouldBe(0);
        (await _harness.CountAsync(GdprDeleteRoute)).ShouldBe(1, "the sync itself never deletes in HubSpot");
        var audit = await _harness.Server.OperatorClient().GetFromJsonAsync<JsonElement>($"/api/audit?action=contact.erased_in_hubspot&entityId={contact.Id}");
        audit.GetProperty("total").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task EraseWithHubSpot_HubSpotDoesNotKnowTheContact_LocalErasureStandsAndSaysNotFound()
    {
        var contact = await _harness.Server.SeedContactAsync(_harness.WorkspaceId);

        var report = await (await _harness.Server.OperatorClient().PostAsync($"/api/contacts/{contact.Id}/erase?hubspot=true", null)).Content.ReadFromJsonAsync<JsonElement>();

        (report.GetProperty("status").GetString(), report.GetProperty("hubSpot").GetProperty("status").GetString()).ShouldBe(("erased", "not_found"));
    }
}
