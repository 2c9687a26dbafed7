using System.Net;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Crm;

public sealed class CrmObjectTests
{
    [Fact]
    public async Task Create_Contact_Returns201WithIdTimestampsAndLowercasedEmail()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var created = await sandbox.CreateContactAsync("Ada.Lovelace@Example.com", "Ada");

        created["id"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        created["properties"]!["email"]!.GetValue<string>().ShouldBe("ada.lovelace@example.com");
        created["properties"]!["createdate"]!.GetValue<string>().ShouldBe("2026-03-02T09:00:00.000Z");
        created["properties"]!["lastmodifieddate"]!.GetValue<string>().ShouldBe("2026-03-02T09:00:00.000Z");
        created["createdAt"]!.GetValue<string>().ShouldBe("2026-03-02T09:00:00.000Z");
        created["archived"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Update_AfterClockAdvance_MovesLastModifiedDateOnly()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var created = await sandbox.CreateContactAsync("grace@example.com");
        sandbox.Host.Clock.Advance(TimeSpan.FromMinutes(5));

        var (response, body) = await sandbox.SendAsync(HttpMethod.Patch, $"/crm/v3/objects/contacts/{created["id"]}", new { properties = new { jobtitle = "Admiral" } });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body!["properties"]!["jobtitle"]!.GetValue<string>().ShouldBe("Admiral");
        body["properties"]!["lastmodifieddate"]!.GetValue<string>().ShouldBe("2026-03-02T09:05:00.000Z");
        body["properties"]!["createdate"]!.GetValue<string>().ShouldBe("2026-03-02T09:00:00.000Z");
    }

    [Fact]
    public async Task Update_Company_MaintainsHsLastModifiedDate()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (_, created) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/companies", new { properties = new { name = "Acme" } });
        sandbox.Host.Clock.Advance(TimeSpan.FromSeconds(30));

        var (_, updated) = await sandbox.SendAsync(HttpMethod.Patch, $"/crm/v3/objects/companies/{created!["id"]}", new { properties = new { city = "Lyon" } });

        updated!["properties"]!["hs_lastmodifieddate"]!.GetValue<string>().ShouldBe("2026-03-02T09:00:30.000Z");
    }

    [Fact]
    public async Task Create_DuplicateEmail_Returns409WithExistingId()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var first = await sandbox.CreateContactAsync("dup@example.com");

        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts", new { properties = new { email = "DUP@example.com" } });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        body!["status"]!.GetValue<string>().ShouldBe("error");
        body["category"]!.GetValue<string>().ShouldBe("CONFLICT");
        body["message"]!.GetValue<string>().ShouldBe($"Contact already exists. Existing ID: {first["id"]}");
        body["correlationId"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Create_DealWithoutRequiredFields_Returns400ValidationErrorPerField()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/deals", new { properties = new { amount = "10" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body!["category"]!.GetValue<string>().ShouldBe("VALIDATION_ERROR");
        body["message"]!.GetValue<string>().ShouldStartWith("Property values were not valid: [");
        var codes = body["errors"]!.AsArray().Select(e => e!["context"]!["propertyName"]![0]!.GetValue<string>()).ToList();
        codes.ShouldBe(["dealname", "dealstage", "pipeline"], ignoreOrder: true);
    }

    [Fact]
    public async Task Create_UnknownPropertyOrBadOption_Returns400NamingTheProperty()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts", new { properties = new { abm_journey_stage = "x", lifecyclestage = "friend" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = body!["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToList();
        errors.ShouldBe(["PROPERTY_DOESNT_EXIST", "INVALID_OPTION"], ignoreOrder: true);
    }

    [Fact]
    public async Task Archive_Contact_Returns204AndGetReturns404ButArchivedListShowsIt()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var created = await sandbox.CreateContactAsync("gone@example.com");

        var (deleted, _) = await sandbox.SendAsync(HttpMethod.Delete, $"/crm/v3/objects/contacts/{created["id"]}");
        var (get, notFound) = await sandbox.SendAsync(HttpMethod.Get, $"/crm/v3/objects/contacts/{created["id"]}");
        var (_, archived) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts?archived=true");

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        notFound!["category"]!.GetValue<string>().ShouldBe("OBJECT_NOT_FOUND");
        archived!["results"]!.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe(created["id"]!.GetValue<string>());
        (await sandbox.CreateContactAsync("gone@example.com"))["id"].ShouldNotBe(created["id"]);
    }

    [Fact]
    public async Task List_PagesOfTen_VisitEveryRecordOnceAndStop()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var ids = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var (_, page) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts" + (after is null ? "" : $"?after={after}"));
            page!["results"]!.AsArray().Count.ShouldBeLessThanOrEqualTo(10);
            ids.AddRange(page["results"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
            after = page["paging"]?["next"]?["after"]?.GetValue<string>();
            pages++;
        }
        while (after is not null && pages < 100);

        ids.Distinct().Count().ShouldBe(ids.Count);
        var (_, all) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts?limit=100");
        ids.Count.ShouldBe(all!["results"]!.AsArray().Count);
    }

    [Fact]
    public async Task Get_ByEmailIdProperty_ReturnsRequestedPropertiesWithNulls()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await sandbox.CreateContactAsync("lookup@example.com", "Lu");

        var (response, body) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts/lookup@example.com?idProperty=email&properties=firstname,jobtitle");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body!["properties"]!["firstname"]!.GetValue<string>().ShouldBe("Lu");
        body["properties"]!.AsObject().ContainsKey("jobtitle").ShouldBeTrue();
        body["properties"]!["jobtitle"].ShouldBeNull();
    }

    [Fact]
    public async Task Create_DateVersionedPath_ServesTheSameObjects()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var created = await sandbox.CreateContactAsync("versioned@example.com");

        var (response, body) = await sandbox.SendAsync(HttpMethod.Get, $"/crm/objects/2026-03/contacts/{created["id"]}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body!["properties"]!["email"]!.GetValue<string>().ShouldBe("versioned@example.com");
    }

    [Fact]
    public async Task Create_WithAssociation_IsReadBackThroughAssociationsParameter()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (_, company) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/companies", new { properties = new { name = "Linked" } });
        var body = new
        {
            properties = new { email = "linked@example.com" },
            associations = new[] { new { to = new { id = company!["id"]!.GetValue<string>() }, types = new[] { new { associationCategory = "HUBSPOT_DEFINED", associationTypeId = 279 } } } },
        };
        var (_, contact) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts", body);

        var (_, read) = await sandbox.SendAsync(HttpMethod.Get, $"/crm/v3/objects/companies/{company["id"]}?associations=contacts");

        var link = read!["associations"]!["contacts"]!["results"]![0]!;
        link["id"]!.GetValue<string>().ShouldBe(contact!["id"]!.GetValue<string>());
        link["type"]!.GetValue<string>().ShouldBe("company_to_contact_unlabeled");
    }
}
