using System.Net;
using Abm.Server.Tests.Sync;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.HubSpotRecords;

/// <summary>Writes through /api/hubspot land in the sandbox portal and in the local copy at once, which then equals the portal.</summary>
public sealed class HubSpotRecordWriteTests : IAsyncLifetime
{
    private SyncHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await SyncHarness.StartAsync(accounts: 3, settings: RecordApi.Settings);
        (await _harness.SyncAsync("full")).GetProperty("status").GetString().ShouldBe("succeeded");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private HttpClient Api => _harness.Server.OperatorClient();

    [Fact]
    public async Task CreateContact_ValidProperties_InHubSpotAndInTheLocalCopyAtOnce()
    {
        var (status, body, _) = await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/contacts",
            new { properties = new { email = "Ada.Lovelace@Example.com", firstname = "Ada", lifecyclestage = "lead", hs_email_optout = false } });

        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.GetProperty("localCopy").GetString().ShouldBe("updated");
        var id = body.Text("record", "id");
        var inHubSpot = await RecordApi.PortalRecordAsync(_harness.HubSpot, "contacts", id, "email,firstname,lifecyclestage");
        inHubSpot!.Value.Text("properties", "email").ShouldBe("ada.lovelace@example.com");
        await using var database = _harness.Server.OpenDatabase();
        var local = await database.Contacts.IgnoreQueryFilters().SingleAsync(c => c.HubSpotId == id && c.WorkspaceId == _harness.WorkspaceId);
        (local.Email, local.FirstName, local.LifecycleStage, local.ArchivedAt).ShouldBe(("ada.lovelace@example.com", "Ada", "lead", (DateTime?)null));
        body.GetProperty("record").GetProperty("localId").GetGuid().ShouldBe(local.Id);
        local.HubSpotCreatedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task CreateDeal_WithContactAndCompany_AssociatedInHubSpotAndLocally()
    {
        var company = (await RecordApi.PortalRecordsAsync(_harness.HubSpot, "companies", "name", 1))[0].Text("id");
        var contact = (await RecordApi.PortalRecordsAsync(_harness.HubSpot, "contacts", "email", 1))[0].Text("id");

        var (status, body, _) = await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/deals", new
        {
            properties = new { dealname = "Expansion 2027", pipeline = "default", dealstage = "qualifiedtobuy", amount = 48000, closedate = "2027-03-31" },
            associations = new { companies = new[] { company }, contacts = new[] { contact } },
        });

        status.ShouldBe(HttpStatusCode.Created, body.ToString());
        var id = body.Text("record", "id");
        var inHubSpot = (await RecordApi.PortalRecordAsync(_harness.HubSpot, "deals", id, "dealname,amount", "companies,contacts"))!.Value;
        inHubSpot.GetProperty("associations").GetProperty("companies").GetProperty("results").EnumerateArray().Select(r => r.Text("id")).ShouldContain(company);
        inHubSpot.GetProperty("associations").GetProperty("contacts").GetProperty("results").EnumerateArray().Select(r => r.Text("id")).ShouldContain(contact);
        await using var database = _harness.Server.OpenDatabase();
        var deal = await database.Deals.IgnoreQueryFilters().SingleAsync(d => d.HubSpotId == id);
        var localCompany = await database.Companies.IgnoreQueryFilters().SingleAsync(c => c.HubSpotId == company && c.WorkspaceId == _harness.WorkspaceId);
        var localContact = await database.Contacts.IgnoreQueryFilters().SingleAsync(c => c.HubSpotId == contact && c.WorkspaceId == _harness.WorkspaceId);
        (deal.Name, deal.Stage, deal.Amount, deal.CompanyId).ShouldBe(("Expansion 2027", "qualifiedtobuy", (decimal?)48000m, (Guid?)localCompany.Id));
        (await database.DealContacts.IgnoreQueryFilters().Where(dc => dc.DealId == deal.Id).Select(dc => dc.ContactId).ToListAsync()).ShouldBe([localContact.Id]);
    }

    [Fact]
    public async Task WritesOfEveryKind_CreateUpdateArchive_LeaveTheLocalCopyEqualToHubSpot()
    {
        var (_, company, _) = await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/companies", new { properties = new { name = "Northwind Analytics", domain = "northwind.example", industry = "COMPUTER_SOFTWARE" } });
        var companyId = company.Text("record", "id");
        var (_, contact, _) = await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/contacts",
            new { properties = new { email = "grace@northwind.example", firstname = "Grace", lastname = "Hopper" }, associations = new { companies = new[] { companyId } } });
        var contactId = contact.Text("record", "id");
        var (_, deal, _) = await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/deals",
            new { properties = new { dealname = "Northwind pilot", pipeline = "default", dealstage = "appointmentscheduled" }, associations = new { companies = new[] { companyId }, contacts = new[] { contactId } } });
        var dealId = deal.Text("record", "id");
        var doomed = (await RecordApi.PortalRecordsAsync(_harness.HubSpot, "contacts", "email", 3))[2].Text("id");

        var updatedDeal = await RecordApi.SendAsync(Api, HttpMethod.Patch, $"/api/hubspot/deals/{dealId}", new { properties = new { dealstage = "contractsent", amount = "125000.50" } });
        var updatedContact = await RecordApi.SendAsync(Api, HttpMethod.Patch, $"/api/hubspot/contacts/{contactId}", new { properties = new { jobtitle = "Rear Admiral" } });
        var updatedCompany = await RecordApi.SendAsync(Api, HttpMethod.Patch, $"/api/hubspot/companies/{companyId}", new { properties = new { name = "Northwind Analytics Ltd" } });
        var archived = await RecordApi.SendAsync(Api, HttpMethod.Delete, $"/api/hubspot/contacts/{doomed}");

        new[] { updatedDeal.Status, updatedContact.Status, updatedCompany.Status }.ShouldAllBe(s => s == HttpStatusCode.OK);
        archived.Status.ShouldBe(HttpStatusCode.NoContent);
        updatedDeal.Body.Text("record", "properties", "dealstage").ShouldBe("contractsent");
        (await RecordApi.PortalRecordAsync(_harness.HubSpot, "contacts", doomed, "email")).ShouldBeNull();
        (await _harness.LocalAsync()).ShouldEqual(await PortalSnapshot.ReadPortalAsync(_harness.HubSpot));
        await using var database = _harness.Server.OpenDatabase();
        (await database.Contacts.IgnoreQueryFilters().SingleAsync(c => c.HubSpotId == doomed)).ArchivedAt.ShouldNotBeNull();
        (await database.Deals.IgnoreQueryFilters().SingleAsync(d => d.HubSpotId == dealId)).Amount.ShouldBe(125000.50m);
        (await database.AuditLog.IgnoreQueryFilters().Where(a => a.EntityId == dealId).Select(a => a.Action).ToListAsync()).ShouldBe(["hubspot.deal_created", "hubspot.deal_updated"], ignoreOrder: true);
    }

    [Fact]
    public async Task GetContact_KnownUnknownAndMalformedIds_AnswersHubSpotsRecord404Or400()
    {
        var seeded = (await RecordApi.PortalRecordsAsync(_harness.HubSpot, "contacts", "email", 1))[0];
        var id = seeded.Text("id");

        var found = await RecordApi.SendAsync(Api, HttpMethod.Get, $"/api/hubspot/contacts/{id}?properties=phone");
        var unknown = await RecordApi.SendAsync(Api, HttpMethod.Get, "/api/hubspot/contacts/999999999");
        var malformed = await RecordApi.SendAsync(Api, HttpMethod.Get, "/api/hubspot/contacts/not-an-id");
        var unknownProperty = await RecordApi.SendAsync(Api, HttpMethod.Get, $"/api/hubspot/contacts/{id}?properties=no_such_property");

        found.Status.ShouldBe(HttpStatusCode.OK);
        found.Body.Text("properties", "email").ShouldBe(seeded.Text("properties", "email"));
        found.Body.GetProperty("properties").TryGetProperty("phone", out _).ShouldBeTrue();
        found.Body.GetProperty("localId").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.String);
        found.Body.GetProperty("associations").GetProperty("companies").GetArrayLength().ShouldBeGreaterThan(0);
        unknown.Status.ShouldBe(HttpStatusCode.NotFound);
        malformed.Status.ShouldBe(HttpStatusCode.BadRequest);
        malformed.Body.GetProperty("errors").TryGetProperty("id", out _).ShouldBeTrue();
        unknownProperty.Status.ShouldBe(HttpStatusCode.BadRequest);
    }
}
