using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Abm.Server.Tests.Marketing;

/// <summary>HubSpot lists through /api/hubspot/lists against the sandbox: create, membership changes reported per contact, members, bad input.</summary>
public sealed class HubSpotListApiTests(MarketingSandbox fixture) : IClassFixture<MarketingSandbox>
{
    [Fact]
    public async Task Memberships_AddTwiceThenRemove_ReportEachContactAndHubSpotAgrees()
    {
        var client = fixture.Marketer();
        var (first, second) = (await fixture.PortalContactAsync(), await fixture.PortalContactAsync());
        var listId = await fixture.ListAsync();
        var stranger = Guid.NewGuid();

        var added = await PutAsync(client, $"/api/hubspot/lists/{listId}/memberships/add", first.Id, second.Id, stranger);
        var again = await PutAsync(client, $"/api/hubspot/lists/{listId}/memberships/add", first.Id);
        var removed = await PutAsync(client, $"/api/hubspot/lists/{listId}/memberships/remove", second.Id);
        var removedAgain = await PutAsync(client, $"/api/hubspot/lists/{listId}/memberships/remove", second.Id);

        Outcomes(added).ShouldBe(new Dictionary<Guid, string> { [first.Id] = "added", [second.Id] = "added", [stranger] = "unknown_contact" });
        added.GetProperty("changed").GetInt32().ShouldBe(2);
        Outcomes(again).ShouldBe(new Dictionary<Guid, string> { [first.Id] = "already_member" });
        Outcomes(removed).ShouldBe(new Dictionary<Guid, string> { [second.Id] = "removed" });
        Outcomes(removedAgain).ShouldBe(new Dictionary<Guid, string> { [second.Id] = "not_member" });
        var members = await client.GetFromJsonAsync<JsonElement>($"/api/hubspot/lists/{listId}/memberships");
        members.GetProperty("items").EnumerateArray().Select(m => (m.GetProperty("hubSpotId").GetString(), m.GetProperty("contactId").GetGuid()))
            .ShouldBe([(first.HubSpotId, first.Id)]);
        var hubSpot = await fixture.HubSpot.GetFromJsonAsync<JsonElement>($"/crm/v3/lists/{listId}/memberships");
        hubSpot.GetProperty("results").EnumerateArray().Select(m => m.GetProperty("recordId").GetString()).ShouldBe([first.HubSpotId]);
    }

    [Fact]
    public async Task List_AfterCreate_FindsTheListByNameWithItsSize()
    {
        var member = await fixture.PortalContactAsync();
        var listId = await fixture.ListAsync(member);
        var name = (await fixture.HubSpot.GetFromJsonAsync<JsonElement>($"/crm/v3/lists/{listId}")).GetProperty("list").GetProperty("name").GetString()!;

        var page = await fixture.Marketer().GetFromJsonAsync<JsonElement>($"/api/hubspot/lists?query={name}");

        var found = page.GetProperty("items").EnumerateArray().Single();
        (found.GetProperty("listId").GetString(), found.GetProperty("processingType").GetString(), found.GetProperty("size").GetInt32()).ShouldBe((listId, "MANUAL", 1));
    }

    [Theory]
    [InlineData("987654321", HttpStatusCode.NotFound, "987654321")]
    [InlineData("not-a-list", HttpStatusCode.BadRequest, "id")]
    public async Task AddMembers_UnknownOrMalformedList_ProblemNamingIt(string listId, HttpStatusCode expected, string named)
    {
        var contact = await fixture.PortalContactAsync();

        var response = await fixture.Marketer().PutAsJsonAsync($"/api/hubspot/lists/{listId}/memberships/add", new { contactIds = new[] { contact.Id } });

        response.StatusCode.ShouldBe(expected);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain(named);
    }

    [Fact]
    public async Task AddMembers_EmptyOrTooManyContacts_400NamingContactIds()
    {
        var listId = await fixture.ListAsync();

        var empty = await fixture.Marketer().PutAsJsonAsync($"/api/hubspot/lists/{listId}/memberships/add", new { contactIds = Array.Empty<Guid>() });
        var tooMany = await fixture.Marketer().PutAsJsonAsync($"/api/hubspot/lists/{listId}/memberships/add", new { contactIds = Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid()) });

        foreach (var response in new[] { empty, tooMany })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).ShouldContain("contactIds");
        }
    }

    [Fact]
    public async Task CreateList_WithoutName_400NamingName()
    {
        var response = await fixture.Marketer().PostAsJsonAsync("/api/hubspot/lists", new { name = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("name");
    }

    private static async Task<JsonElement> PutAsync(HttpClient client, string path, params Guid[] contactIds)
    {
        var response = await client.PutAsJsonAsync(path, new { contactIds });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Dictionary<Guid, string> Outcomes(JsonElement report) =>
        report.GetProperty("contacts").EnumerateArray().ToDictionary(c => c.GetProperty("contactId").GetGuid(), c => c.GetProperty("outcome").GetString()!);
}
