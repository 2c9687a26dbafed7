using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Abm.Server.Tests.Nurture.NurtureTestData;

namespace Abm.Server.Tests.Nurture;

/// <summary>Contacts enrolled because of a HubSpot list: the <c>list_joined</c> trigger, read by each sync, and bulk enrolment by list.</summary>
public sealed class HubSpotListEnrollmentTests(NurtureSandbox fixture) : IClassFixture<NurtureSandbox>
{
    private const string OneStep = """ "steps": [ { "id": "mark", "type": "update_property", "property": "jobtitle", "value": "Listed" } ] """;

    [Fact]
    public async Task ListJoinedTrigger_ContactJoinsAfterTheListIsWatched_EnrolledOnceAndEarlierMembersAreNot()
    {
        var client = fixture.Marketer();
        var list = await ListAsync();
        var (before, joiner) = (await fixture.PortalContactAsync(), await fixture.PortalContactAsync());
        await AddAsync(list, before.HubSpotId);
        var sequence = await ActiveSequenceAsync(client, $$"""
            { "name": "Joined {{list}}", "triggers": [ { "type": "list_joined", "listId": "{{list}}" } ], {{OneStep}} }
            """);

        var baseline = await fixture.PullListJoinsAsync();
        await AddAsync(list, joiner.HubSpotId);
        var afterJoin = await fixture.PullListJoinsAsync();
        var again = await fixture.PullListJoinsAsync();

        (baseline, afterJoin, again).ShouldBe((0, 1, 0));
        var enrollments = (await client.GetFromJsonAsync<EnrollmentPage>($"/api/nurture/enrollments?sequenceId={sequence}"))!.Items;
        enrollments.Select(e => (e.ContactId, e.EnrolledBy)).ShouldBe([(joiner.Id, "trigger:list_joined")]);
    }

    [Fact]
    public async Task Enroll_ByHubSpotList_EnrolsEverySyncedMember()
    {
        var client = fixture.Marketer();
        var list = await ListAsync();
        var members = new[] { await fixture.PortalContactAsync(), await fixture.PortalContactAsync() };
        foreach (var member in members)
        {
            await AddAsync(list, member.HubSpotId);
        }

        var sequence = await ActiveSequenceAsync(client, $$"""{ "name": "Bulk {{list}}", {{OneStep}} }""");

        var result = await EnrollAsync(client, new { sequenceId = sequence, listId = list });

        result.Enrolled.ShouldBe(2);
        result.Contacts.Select(c => c.ContactId).ShouldBe(members.Select(m => m.Id), ignoreOrder: true);
        var enrollments = (await client.GetFromJsonAsync<EnrollmentPage>($"/api/nurture/enrollments?sequenceId={sequence}"))!.Items;
        enrollments.ShouldAllBe(e => e.EnrolledBy == $"bulk:list:{list}");
    }

    [Theory]
    [InlineData("987654321", HttpStatusCode.NotFound)]
    [InlineData("not-a-list", HttpStatusCode.BadRequest)]
    [InlineData("123456789012345678901", HttpStatusCode.BadRequest)]
    public async Task Enroll_ByListHubSpotDoesNotHaveOrThatIsNoListId_ProblemNamingIt(string listId, HttpStatusCode expected)
    {
        var client = fixture.Marketer();
        var sequence = await ActiveSequenceAsync(client, $$"""{ "name": "Missing list {{Guid.NewGuid():N}}", {{OneStep}} }""");

        var response = await client.PostAsJsonAsync("/api/nurture/enrollments", new { sequenceId = sequence, listId });

        response.StatusCode.ShouldBe(expected);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain(expected == HttpStatusCode.NotFound ? listId : "listId");
    }

    [Fact]
    public async Task Sequence_ListJoinedTriggerWithAListIdThatIsNotANumber_RefusedNamingThePath()
    {
        var response = await fixture.Marketer().PostAsJsonAsync("/api/nurture/sequences/validate", JsonDocument.Parse("""
            { "name": "Bad list", "triggers": [ { "type": "list_joined", "listId": "my list" } ], "steps": [ { "id": "e", "type": "end" } ] }
            """).RootElement);

        (await response.Content.ReadAsStringAsync()).ShouldContain("triggers[0].listId");
    }

    private async Task<string> ListAsync()
    {
        var response = await fixture.HubSpot.PostAsJsonAsync("/crm/v3/lists", new { name = $"watched-{Guid.NewGuid():N}", objectTypeId = "0-1", processingType = "MANUAL" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("list").GetProperty("listId").GetString()!;
    }

    private async Task AddAsync(string list, string contactHubSpotId) =>
        (await fixture.HubSpot.PutAsJsonAsync($"/crm/v3/lists/{list}/memberships/add", new[] { contactHubSpotId })).EnsureSuccessStatusCode();
}
