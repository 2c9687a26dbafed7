using System.Net;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Lists;

public sealed class ListTests
{
    private static async Task<string> CreateListAsync(TestSandbox sandbox, string processingType = "MANUAL", string name = "Tier 1 buyers")
    {
        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/lists", new { name, objectTypeId = "0-1", processingType });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        return body!["list"]!["listId"]!.GetValue<string>();
    }

    [Fact]
    public async Task AddMemberships_ExistingAndMissingIds_ReportsAddedAndMissing()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var listId = await CreateListAsync(sandbox);
        var contact = (await sandbox.CreateContactAsync("member@example.com"))["id"]!.GetValue<string>();

        var (response, body) = await sandbox.SendAsync(HttpMethod.Put, $"/crm/v3/lists/{listId}/memberships/add", new[] { contact, "777" });
        var (_, members) = await sandbox.SendAsync(HttpMethod.Get, $"/crm/v3/lists/{listId}/memberships");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body!["recordsIdsAdded"]!.AsArray().Single()!.GetValue<string>().ShouldBe(contact);
        body["recordIdsMissing"]!.AsArray().Single()!.GetValue<string>().ShouldBe("777");
        members!["results"]![0]!["recordId"]!.GetValue<string>().ShouldBe(contact);
    }

    [Fact]
    public async Task Search_ByNameAndProcessingType_PagesTheMatchesWithTheirSize()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var manual = await CreateListAsync(sandbox, "MANUAL", "Buyers A");
        await CreateListAsync(sandbox, "DYNAMIC", "Buyers B");
        await CreateListAsync(sandbox, "MANUAL", "Partners");
        var contact = (await sandbox.CreateContactAsync("searched@example.com"))["id"]!.GetValue<string>();
        await sandbox.SendAsync(HttpMethod.Put, $"/crm/v3/lists/{manual}/memberships/add", new[] { contact });

        var (_, buyers) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/lists/search", new { query = "buyers", count = 1 });
        var (_, manualBuyers) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/lists/search", new { query = "buyers", processingTypes = new[] { "MANUAL" } });

        (buyers!["total"]!.GetValue<int>(), buyers["hasMore"]!.GetValue<bool>(), buyers["offset"]!.GetValue<int>()).ShouldBe((2, true, 1));
        var found = manualBuyers!["lists"]!.AsArray().Single()!;
        (found["listId"]!.GetValue<string>(), found["additionalProperties"]!["hs_list_size"]!.GetValue<string>()).ShouldBe((manual, "1"));
    }

    [Fact]
    public async Task RemoveMemberships_Member_LeavesListEmpty()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var listId = await CreateListAsync(sandbox);
        var contact = (await sandbox.CreateContactAsync("leaver@example.com"))["id"]!.GetValue<string>();
        await sandbox.SendAsync(HttpMethod.Put, $"/crm/v3/lists/{listId}/memberships/add", new[] { contact });

        var (_, body) = await sandbox.SendAsync(HttpMethod.Put, $"/crm/v3/lists/{listId}/memberships/remove", new[] { contact });
        var (_, list) = await sandbox.SendAsync(HttpMethod.Get, $"/crm/v3/lists/{listId}");

        body!["recordIdsRemoved"]!.AsArray().Single()!.GetValue<string>().ShouldBe(contact);
        list!["list"]!["size"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task AddMemberships_DynamicList_Returns400()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var listId = await CreateListAsync(sandbox, "DYNAMIC");

        var (response, _) = await sandbox.SendAsync(HttpMethod.Put, $"/crm/v3/lists/{listId}/memberships/add", new[] { "1" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GetByName_ExistingList_ReturnsIt()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var listId = await CreateListAsync(sandbox, name: "Nurture");

        var (response, body) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/lists/object-type-id/0-1/name/Nurture");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body!["list"]!["listId"]!.GetValue<string>().ShouldBe(listId);
    }
}
