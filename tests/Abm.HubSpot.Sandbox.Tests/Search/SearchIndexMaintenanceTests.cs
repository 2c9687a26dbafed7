using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Search;

/// <summary>
/// Once a search has built an index, writes through the API (update, archive, merge) must show in the next search
/// at once, as they do in the scan.
/// </summary>
public sealed class SearchIndexMaintenanceTests
{
    private static object EmailIs(string email) =>
        new { filterGroups = new[] { new { filters = new[] { new { propertyName = "email", @operator = "EQ", value = email } } } } };

    private static object ModifiedSince(string since) => new
    {
        filterGroups = new[] { new { filters = new[] { new { propertyName = "lastmodifieddate", @operator = "GTE", value = since } } } },
        sorts = new[] { new { propertyName = "lastmodifieddate", direction = "ASCENDING" } },
        properties = new[] { "email" },
    };

    private static async Task<JsonNode> SearchAsync(TestSandbox sandbox, object body)
    {
        sandbox.Host.Clock.Advance(TimeSpan.FromSeconds(1)); // stays within search's 5 calls a second
        var (response, result) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/search", body);
        response.EnsureSuccessStatusCode();
        return result!;
    }

    private static IEnumerable<string> Emails(JsonNode result) =>
        result["results"]!.AsArray().Select(r => r!["properties"]!["email"]!.GetValue<string>());

    [Fact]
    public async Task Search_AfterEmailChangeAndArchive_FollowsTheWrites()
    {
        await using var sandbox = await TestSandbox.StartAsync(TestSandbox.Options(accounts: 2));
        var contact = await sandbox.CreateContactAsync("first@example.com");
        (await SearchAsync(sandbox, EmailIs("FIRST@example.com")))["total"]!.GetValue<int>().ShouldBe(1);

        await sandbox.SendAsync(HttpMethod.Patch, $"/crm/v3/objects/contacts/{contact["id"]}", new { properties = new { email = "second@example.com" } });
        var old = await SearchAsync(sandbox, EmailIs("first@example.com"));
        var renamed = await SearchAsync(sandbox, EmailIs("second@example.com"));
        await sandbox.SendAsync(HttpMethod.Delete, $"/crm/v3/objects/contacts/{contact["id"]}");
        var archived = await SearchAsync(sandbox, EmailIs("second@example.com"));

        old["total"]!.GetValue<int>().ShouldBe(0);
        renamed["total"]!.GetValue<int>().ShouldBe(1);
        archived["total"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task Search_ModifiedSinceAfterUpdatesAndMerge_ListsChangedRecordsInModificationOrder()
    {
        await using var sandbox = await TestSandbox.StartAsync(TestSandbox.Options(accounts: 2));
        var a = await sandbox.CreateContactAsync("a@example.com");
        var b = await sandbox.CreateContactAsync("b@example.com");
        var c = await sandbox.CreateContactAsync("c@example.com");
        sandbox.Host.Clock.Advance(TimeSpan.FromMinutes(5));
        var since = sandbox.Host.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await SearchAsync(sandbox, ModifiedSince(since)))["total"]!.GetValue<int>().ShouldBe(0);

        await sandbox.SendAsync(HttpMethod.Patch, $"/crm/v3/objects/contacts/{c["id"]}", new { properties = new { firstname = "Changed" } });
        sandbox.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/merge", new { primaryObjectId = a["id"]!.GetValue<string>(), objectIdToMerge = b["id"]!.GetValue<string>() });
        var changed = await SearchAsync(sandbox, ModifiedSince(since));

        changed["total"]!.GetValue<int>().ShouldBe(2);
        Emails(changed).ShouldBe(["c@example.com", "a@example.com"]);
    }
}
