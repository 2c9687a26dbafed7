using System.Net;
using System.Net.Http.Json;
using Abm.Server.Tests.Sync;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.HubSpotRecords;

/// <summary>
/// Writes are checked against the portal before anything is sent (unknown property, wrong type, unknown stage: 400
/// naming the field, no write reaches HubSpot); HubSpot's own refusals and outages come back as problems, never 500.
/// </summary>
public sealed class HubSpotRecordBadInputTests : IAsyncLifetime
{
    private const string CreateRoute = "POST /crm/v3/objects/{type}";
    private const string ContactCreatePath = "POST /crm/v3/objects/contacts";
    private SyncHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await SyncHarness.StartAsync(accounts: 2, settings: RecordApi.Settings);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private HttpClient Api => _harness.Server.OperatorClient();

    [Fact]
    public async Task Create_UnknownReadOnlyAndMistypedProperties_Returns400NamingEachWithoutWriting()
    {
        var before = await _harness.CountAsync(CreateRoute);

        var contact = await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/contacts",
            new { properties = new { email = "typo@example.com", favourite_colour = "teal", lifecyclestage = "vip", hs_object_id = "5", hs_email_optout = "perhaps" } });
        var deal = await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/deals",
            new { properties = new { dealname = "Typed", pipeline = "default", dealstage = "closedwon", amount = "lots", closedate = "next week" } });
        var missing = await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/deals", new { properties = new { amount = 5 } });

        contact.Status.ShouldBe(HttpStatusCode.BadRequest);
        var errors = contact.Body.GetProperty("errors");
        errors.GetProperty("properties.favourite_colour")[0].GetString()!.ShouldContain("not a property");
        errors.GetProperty("properties.lifecyclestage")[0].GetString()!.ShouldContain("'vip' is not an option");
        errors.GetProperty("properties.hs_object_id")[0].GetString()!.ShouldContain("computed by HubSpot");
        errors.GetProperty("properties.hs_email_optout")[0].GetString()!.ShouldContain("true or false");
        deal.Status.ShouldBe(HttpStatusCode.BadRequest);
        deal.Body.GetProperty("errors").GetProperty("properties.amount")[0].GetString()!.ShouldContain("number");
        deal.Body.GetProperty("errors").GetProperty("properties.closedate")[0].GetString()!.ShouldContain("ISO 8601");
        missing.Status.ShouldBe(HttpStatusCode.BadRequest);
        missing.Body.GetProperty("errors").TryGetProperty("properties.dealname", out _).ShouldBeTrue();
        missing.Body.GetProperty("errors").TryGetProperty("properties.dealstage", out _).ShouldBeTrue();
        (await _harness.CountAsync(CreateRoute)).ShouldBe(before);
    }

    [Fact]
    public async Task CreateDeal_UnknownStageOrPipeline_Returns400NamingTheField()
    {
        var before = await _harness.CountAsync(CreateRoute);

        var stage = await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/deals", new { properties = new { dealname = "Lost", pipeline = "default", dealstage = "negotiation" } });
        var pipeline = await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/deals", new { properties = new { dealname = "Lost", pipeline = "enterprise", dealstage = "closedwon" } });

        stage.Status.ShouldBe(HttpStatusCode.BadRequest);
        stage.Body.GetProperty("errors").GetProperty("properties.dealstage")[0].GetString()!.ShouldContain("appointmentscheduled");
        pipeline.Status.ShouldBe(HttpStatusCode.BadRequest);
        pipeline.Body.GetProperty("errors").TryGetProperty("properties.pipeline", out _).ShouldBeTrue();
        (await _harness.CountAsync(CreateRoute)).ShouldBe(before);
    }

    [Fact]
    public async Task CreateDeal_StageOfAPipelineCreatedInHubSpotAfterCaching_IsFoundByReadingPipelinesAgain()
    {
        (await Api.GetAsync("/api/hubspot/pipelines")).StatusCode.ShouldBe(HttpStatusCode.OK); // fills the cache
        var created = await _harness.HubSpot.PostAsJsonAsync("/crm/v3/pipelines/deals", new
        {
            label = "Renewals", displayOrder = 1,
            stages = new[] { new { label = "Renewal due", displayOrder = 0, metadata = new { probability = "0.5" } } },
        });
        created.EnsureSuccessStatusCode();
        var renewals = await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var (pipelineId, stageId) = (renewals.Text("id"), renewals.GetProperty("stages")[0].Text("id"));

        var inRenewals = await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/deals", new { properties = new { dealname = "Renewal", pipeline = pipelineId, dealstage = stageId } });
        var mixed = await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/deals", new { properties = new { dealname = "Mixed", pipeline = "default", dealstage = stageId } });
        var stages = await RecordApi.SendAsync(Api, HttpMethod.Get, $"/api/hubspot/pipelines/{pipelineId}/stages");

        inRenewals.Status.ShouldBe(HttpStatusCode.Created, inRenewals.Body.ToString());
        mixed.Status.ShouldBe(HttpStatusCode.BadRequest);
        mixed.Body.GetProperty("errors").TryGetProperty("properties.dealstage", out _).ShouldBeTrue();
        stages.Status.ShouldBe(HttpStatusCode.OK);
        stages.Body.GetProperty("results")[0].Text("id").ShouldBe(stageId);
    }

    [Fact]
    public async Task Writes_ThatOnlyHubSpotRefuses_ComeBackWithHubSpotsMessage()
    {
        var email = await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/contacts", new { properties = new { email = "not-an-email" } });
        var association = await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/deals",
            new { properties = new { dealname = "Orphan", pipeline = "default", dealstage = "closedwon" }, associations = new { contacts = new[] { "999999999" } } });
        var missing = await RecordApi.SendAsync(Api, HttpMethod.Patch, "/api/hubspot/contacts/999999999", new { properties = new { firstname = "Nobody" } });

        email.Status.ShouldBe(HttpStatusCode.BadRequest);
        email.Body.GetProperty("errors").GetProperty("properties.email")[0].GetString()!.ShouldContain("not-an-email");
        email.Body.GetProperty("hubspotCategory").GetString().ShouldBe("VALIDATION_ERROR");
        association.Status.ShouldBe(HttpStatusCode.BadRequest);
        association.Body.GetProperty("errors").GetProperty("associations")[0].GetString()!.ShouldContain("999999999");
        missing.Status.ShouldBe(HttpStatusCode.NotFound);
        missing.Body.GetProperty("hubspotCategory").GetString().ShouldBe("OBJECT_NOT_FOUND");
    }

    [Fact]
    public async Task CreateContact_EmailOfAnExistingContact_Returns409NamingTheExistingRecord()
    {
        var existing = (await RecordApi.PortalRecordsAsync(_harness.HubSpot, "contacts", "email", 1))[0];

        var (status, body, _) = await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/contacts", new { properties = new { email = existing.Text("properties", "email"), firstname = "Twin" } });

        status.ShouldBe(HttpStatusCode.Conflict);
        body.GetProperty("existingId").GetString().ShouldBe(existing.Text("id"));
        body.GetProperty("hubspotMessage").GetString().ShouldBe($"Contact already exists. Existing ID: {existing.Text("id")}");
        body.GetProperty("hubspotCategory").GetString().ShouldBe("CONFLICT");
    }

    [Fact]
    public async Task Create_HubSpotAnswers503EveryTime_Returns503WithRetryAfterAndWritesNothingLocally()
    {
        await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/contacts", new { properties = new { email = "warmup@example.com" } }); // caches the definitions
        var rule = new { portalId = _harness.PortalId, route = ContactCreatePath, seed = 1, errorRates = new Dictionary<string, double> { ["503"] = 1.0 } };

        await RecordApi.WithFaultAsync(_harness, rule, async () =>
        {
            var (status, body, response) = await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/contacts", new { properties = new { email = "outage@example.com" } });

            status.ShouldBe(HttpStatusCode.ServiceUnavailable, body.ToString());
            response.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);
            body.GetProperty("hubspotStatus").GetInt32().ShouldBe(503);
        });
        await using var database = _harness.Server.OpenDatabase();
        (await database.Contacts.IgnoreQueryFilters().CountAsync(c => c.Email == "outage@example.com")).ShouldBe(0);
    }

    [Fact]
    public async Task Writes_MalformedBodies_Return400NamingTheField()
    {
        var noProperties = await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/companies", new { });
        var nestedValue = await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/companies", new { properties = new { name = new { deep = 1 } } });
        var badAssociation = await RecordApi.SendAsync(Api, HttpMethod.Post, "/api/hubspot/deals",
            new { properties = new { dealname = "A", pipeline = "default", dealstage = "closedwon" }, associations = new { tickets = new[] { "1" }, contacts = new[] { "abc" } } });
        var updateAssociations = await RecordApi.SendAsync(Api, HttpMethod.Patch, "/api/hubspot/deals/123", new { properties = new { dealname = "B" }, associations = new { contacts = new[] { "1" } } });

        noProperties.Status.ShouldBe(HttpStatusCode.BadRequest);
        noProperties.Body.GetProperty("errors").TryGetProperty("properties", out _).ShouldBeTrue();
        nestedValue.Body.GetProperty("errors").TryGetProperty("properties.name", out _).ShouldBeTrue();
        badAssociation.Body.GetProperty("errors").TryGetProperty("associations.tickets", out _).ShouldBeTrue();
        badAssociation.Body.GetProperty("errors").TryGetProperty("associations.contacts", out _).ShouldBeTrue();
        updateAssociations.Body.GetProperty("errors").TryGetProperty("associations", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Routes_WorkspaceWithoutConnection_ListLocalCopyButRefuseHubSpotWork()
    {
        var (client, _) = await _harness.Server.MarketerInNewWorkspaceAsync();

        var list = await RecordApi.SendAsync(client, HttpMethod.Get, "/api/hubspot/contacts");
        var create = await RecordApi.SendAsync(client, HttpMethod.Post, "/api/hubspot/contacts", new { properties = new { email = "nowhere@example.com" } });
        var pipelines = await RecordApi.SendAsync(client, HttpMethod.Get, "/api/hubspot/pipelines");

        list.Status.ShouldBe(HttpStatusCode.OK);
        list.Body.GetProperty("total").GetInt32().ShouldBe(0);
        create.Status.ShouldBe(HttpStatusCode.Conflict);
        create.Body.GetProperty("title").GetString().ShouldBe("No HubSpot connection");
        pipelines.Status.ShouldBe(HttpStatusCode.Conflict);
    }
}
