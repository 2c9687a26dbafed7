using System.Net;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Properties;

public sealed class PropertyTests
{
    private static object Score(string name = "abm_content_engagement_score", string type = "number", string fieldType = "number", string groupName = "abm_engine") =>
        new { name, label = "Engagement score", type, fieldType, groupName };

    private static async Task CreateGroupAsync(TestSandbox sandbox, string objectType = "contacts")
    {
        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, $"/crm/v3/properties/{objectType}/groups", new { name = "abm_engine", label = "ABM Engine" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body?.ToJsonString());
    }

    [Fact]
    public async Task Create_GroupThenProperty_PropertyIsWritableOnRecords()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await CreateGroupAsync(sandbox);

        var (created, property) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/properties/contacts", Score());
        var (write, contact) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts", new { properties = new { email = "p@example.com", abm_content_engagement_score = "72.5" } });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        property!["groupName"]!.GetValue<string>().ShouldBe("abm_engine");
        write.StatusCode.ShouldBe(HttpStatusCode.Created);
        contact!["properties"]!["abm_content_engagement_score"]!.GetValue<string>().ShouldBe("72.5");
    }

    [Fact]
    public async Task Create_DuplicateProperty_Returns409()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await CreateGroupAsync(sandbox);
        await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/properties/contacts", Score());

        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/properties/contacts", Score());

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        body!["category"]!.GetValue<string>().ShouldBe("OBJECT_ALREADY_EXISTS");
    }

    [Fact]
    public async Task CreateGroup_Duplicate_Returns409()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await CreateGroupAsync(sandbox);

        var (response, _) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/properties/contacts/groups", new { name = "abm_engine", label = "Again" });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("string", "select")]
    [InlineData("number", "text")]
    [InlineData("datetime", "number")]
    [InlineData("colour", "text")]
    public async Task Create_InvalidTypeFieldTypePair_Returns400(string type, string fieldType)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await CreateGroupAsync(sandbox);

        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/properties/contacts", Score(type: type, fieldType: fieldType));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body!["category"]!.GetValue<string>().ShouldBe("VALIDATION_ERROR");
    }

    [Fact]
    public async Task Create_EnumerationWithOptions_RejectsValuesOutsideOptions()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await CreateGroupAsync(sandbox);
        var stage = new
        {
            name = "abm_journey_stage", label = "Journey stage", type = "enumeration", fieldType = "select", groupName = "abm_engine",
            options = new[] { new { label = "Problem awareness", value = "problem_awareness", hidden = false }, new { label = "Vendor evaluation", value = "vendor_evaluation", hidden = false } },
        };
        await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/properties/contacts", stage);

        var (ok, _) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts", new { properties = new { abm_journey_stage = "vendor_evaluation" } });
        var (bad, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts", new { properties = new { abm_journey_stage = "Vendor evaluation" } });

        ok.StatusCode.ShouldBe(HttpStatusCode.Created);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body!["errors"]![0]!["code"]!.GetValue<string>().ShouldBe("INVALID_OPTION");
    }

    [Fact]
    public async Task Create_MissingGroup_Returns400()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, _) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/properties/companies", Score(groupName: "nope"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task BatchCreate_OneExisting_Returns207WithTheOtherCreated()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await CreateGroupAsync(sandbox, "companies");
        await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/properties/companies", Score("abm_account_tier", "string", "text"));
        var inputs = new[] { Score("abm_account_tier", "string", "text"), Score("abm_engagement_velocity") };

        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/properties/companies/batch/create", new { inputs });

        response.StatusCode.ShouldBe((HttpStatusCode)207);
        body!["results"]![0]!["name"]!.GetValue<string>().ShouldBe("abm_engagement_velocity");
        body["errors"]![0]!["category"]!.GetValue<string>().ShouldBe("OBJECT_ALREADY_EXISTS");
    }

    [Fact]
    public async Task Get_HubSpotDefinedProperty_ReturnsDefinitionAndUnknownIs404()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (ok, lifecycle) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/properties/contacts/lifecyclestage");
        var (missing, _) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/properties/contacts/abm_nothing");

        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        lifecycle!["type"]!.GetValue<string>().ShouldBe("enumeration");
        lifecycle["options"]!.AsArray().Count.ShouldBeGreaterThan(5);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
