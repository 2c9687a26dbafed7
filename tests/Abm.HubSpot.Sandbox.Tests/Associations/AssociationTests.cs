using System.Net;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Associations;

public sealed class AssociationTests
{
    private static async Task<(string Contact, string Company)> PairAsync(TestSandbox sandbox)
    {
        var contact = await sandbox.CreateContactAsync($"{Guid.NewGuid():N}@example.com");
        var (_, company) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/companies", new { properties = new { name = "Assoc Inc" } });
        return (contact["id"]!.GetValue<string>(), company!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task PutDefault_ContactToCompany_IsListedFromBothSides()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (contact, company) = await PairAsync(sandbox);

        var (put, body) = await sandbox.SendAsync(HttpMethod.Put, $"/crm/v4/objects/contacts/{contact}/associations/default/companies/{company}");
        var (_, fromCompany) = await sandbox.SendAsync(HttpMethod.Get, $"/crm/v4/objects/companies/{company}/associations/contacts");

        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        body!["results"]![0]!["associationSpec"]!["associationTypeId"]!.GetValue<int>().ShouldBe(279);
        var link = fromCompany!["results"]![0]!;
        link["toObjectId"]!.GetValue<long>().ShouldBe(long.Parse(contact));
        link["associationTypes"]![0]!["typeId"]!.GetValue<int>().ShouldBe(280);
    }

    [Fact]
    public async Task BatchCreate_PrimaryType_ReturnsPrimaryLabelAndV3ReadShowsIt()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (contact, company) = await PairAsync(sandbox);
        var inputs = new[] { new { from = new { id = contact }, to = new { id = company }, types = new[] { new { associationCategory = "HUBSPOT_DEFINED", associationTypeId = 1 } } } };

        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v4/associations/contacts/companies/batch/create", new { inputs });
        var (_, read) = await sandbox.SendAsync(HttpMethod.Get, $"/crm/v3/objects/contacts/{contact}?associations=companies");

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        body!["results"]![0]!["labels"]![0]!.GetValue<string>().ShouldBe("Primary");
        read!["associations"]!["companies"]!["results"]![0]!["type"]!.GetValue<string>().ShouldBe("contact_to_company");
    }

    [Fact]
    public async Task BatchRead_KnownAndUnknownIds_Returns207WithAssociations()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (contact, company) = await PairAsync(sandbox);
        await sandbox.SendAsync(HttpMethod.Put, $"/crm/v4/objects/contacts/{contact}/associations/default/companies/{company}");
        var inputs = new[] { new { id = contact }, new { id = "1" } };

        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v4/associations/contacts/companies/batch/read", new { inputs });

        response.StatusCode.ShouldBe((HttpStatusCode)207);
        body!["results"]![0]!["from"]!["id"]!.GetValue<string>().ShouldBe(contact);
        body["results"]![0]!["to"]![0]!["toObjectId"]!.GetValue<long>().ShouldBe(long.Parse(company));
        body["numErrors"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task BatchCreate_InvalidTypeForPair_Returns207Error()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (contact, company) = await PairAsync(sandbox);
        var inputs = new[] { new { from = new { id = contact }, to = new { id = company }, types = new[] { new { associationCategory = "HUBSPOT_DEFINED", associationTypeId = 341 } } } };

        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v4/associations/contacts/companies/batch/create", new { inputs });

        response.StatusCode.ShouldBe((HttpStatusCode)207);
        body!["errors"]![0]!["category"]!.GetValue<string>().ShouldBe("VALIDATION_ERROR");
    }

    [Fact]
    public async Task Delete_Association_RemovesBothDirections()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (contact, company) = await PairAsync(sandbox);
        await sandbox.SendAsync(HttpMethod.Put, $"/crm/v4/objects/contacts/{contact}/associations/default/companies/{company}");

        var (deleted, _) = await sandbox.SendAsync(HttpMethod.Delete, $"/crm/v4/objects/contacts/{contact}/associations/companies/{company}");
        var (_, fromCompany) = await sandbox.SendAsync(HttpMethod.Get, $"/crm/v4/objects/companies/{company}/associations/contacts");

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        fromCompany!["results"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task PutDefault_MissingRecord_Returns404()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (contact, _) = await PairAsync(sandbox);

        var (response, body) = await sandbox.SendAsync(HttpMethod.Put, $"/crm/v4/objects/contacts/{contact}/associations/default/companies/5");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        body!["category"]!.GetValue<string>().ShouldBe("OBJECT_NOT_FOUND");
    }

    [Fact]
    public async Task Archive_AssociatedContact_DisappearsFromCompanyAssociations()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (contact, company) = await PairAsync(sandbox);
        await sandbox.SendAsync(HttpMethod.Put, $"/crm/v4/objects/contacts/{contact}/associations/default/companies/{company}");

        await sandbox.SendAsync(HttpMethod.Delete, $"/crm/v3/objects/contacts/{contact}");
        var (_, v4) = await sandbox.SendAsync(HttpMethod.Get, $"/crm/v4/objects/companies/{company}/associations/contacts");
        var (_, v3) = await sandbox.SendAsync(HttpMethod.Get, $"/crm/v3/objects/companies/{company}?associations=contacts");

        v4!["results"]!.AsArray().ShouldBeEmpty();
        v3!["associations"].ShouldBeNull();
    }
}
