using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.HubSpot.Crm;
using Abm.HubSpot.Tests.Infrastructure;

namespace Abm.HubSpot.Tests.Lists;

public sealed class ListsAndConsentTests
{
    [Fact]
    public async Task Lists_AddThenRemoveMoreThanAChunk_LeavesExactlyTheOnesKept()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        var created = await client.Crm.BatchCreateAsync(CrmObjectTypes.Contacts,
            Enumerable.Range(0, 130).Select(i => new CrmRecordInput(new Dictionary<string, string?> { ["email"] = $"list.member.{i}@example.com" })).ToList());
        var ids = created.Records.Select(r => r.Id).ToList();
        using var http = Authorised(portal);
        var list = await (await http.PostAsJsonAsync("/crm/v3/lists", new { name = "Nurtured", objectTypeId = "0-1", processingType = "MANUAL" })).Content.ReadFromJsonAsync<JsonElement>();
        var listId = list.GetProperty("list").GetProperty("listId").GetString()!;

        await client.Lists.AddAsync(listId, ids);
        await client.Lists.AddAsync(listId, ids.Take(10).ToList()); // a repeat changes nothing
        await client.Lists.RemoveAsync(listId, ids.Skip(120).ToList());

        var members = await http.GetFromJsonAsync<JsonElement>($"/crm/v3/lists/{listId}/memberships?limit=250");
        members.GetProperty("results").EnumerateArray().Select(m => m.GetProperty("recordId").GetString()).ShouldBe(ids.Take(120), ignoreOrder: true);
    }

    [Fact]
    public async Task GetSubscriptionStatusAsync_OptedOutContact_IsOptedOut_OthersNot()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        await client.Crm.BatchCreateAsync(CrmObjectTypes.Contacts,
        [
            new CrmRecordInput(new Dictionary<string, string?> { ["email"] = "gone@example.com", ["hs_email_optout"] = "true" }),
            new CrmRecordInput(new Dictionary<string, string?> { ["email"] = "kept@example.com" }),
        ]);

        var gone = await client.Email.GetSubscriptionStatusAsync("gone@example.com");
        var kept = await client.Email.GetSubscriptionStatusAsync("kept@example.com");

        gone.OptedOut.ShouldBeTrue();
        gone.Subscriptions.ShouldHaveSingleItem().SourceOfStatus.ShouldBe("PORTAL_WIDE_STATUS");
        kept.OptedOut.ShouldBeFalse();
    }

    private static HttpClient Authorised(TestPortal portal)
    {
        var http = new HttpClient { BaseAddress = new Uri(portal.Host.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", portal.Portal.AccessToken);
        return http;
    }
}
