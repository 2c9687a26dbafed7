using System.Net;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Market;

/// <summary>The hidden truth is for evaluation only: nothing of it may reach the engine through the HubSpot-shaped API.</summary>
public sealed class TruthIsolationTests
{
    [Fact]
    public async Task HubSpotRoutes_EveryObjectWithEveryProperty_ShowNothingOfTheTruth()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (_, truth) = await sandbox.SendAsync(HttpMethod.Get, $"/_sandbox/portals/{sandbox.Portal.PortalId}/market/truth");
        var contact = truth!["contacts"]![0]!;
        var hidden = new List<string> { "propensity", "relevance", "committeeTopics", "buyingStage", "sbx-content-", contact["wantedStage"]!.GetValue<string>(), contact["persona"]!.GetValue<string>() };
        hidden.AddRange(contact["topics"]!.AsArray().Select(t => t!.GetValue<string>()));
        hidden.AddRange(contact["preferredFormats"]!.AsArray().Select(f => f!.GetValue<string>()));

        var bodies = new List<string>();
        foreach (var type in new[] { "contacts", "companies", "deals" })
        {
            var schema = await sandbox.Http.GetStringAsync($"/crm/v3/properties/{type}");
            var names = System.Text.Json.Nodes.JsonNode.Parse(schema)!["results"]!.AsArray().Select(p => p!["name"]!.GetValue<string>());
            bodies.Add(schema);
            bodies.Add(await sandbox.Http.GetStringAsync($"/crm/v3/objects/{type}?limit=100&properties={string.Join(',', names)}&associations=contacts,companies"));
            var (_, search) = await sandbox.SendAsync(HttpMethod.Post, $"/crm/v3/objects/{type}/search", new { limit = 100 });
            bodies.Add(search!.ToJsonString());
        }

        bodies.Add(await sandbox.Http.GetStringAsync($"/crm/v3/objects/contacts/{contact["contactId"]!.GetValue<string>()}?properties={string.Join(',', hidden)}"));
        bodies.Add(await sandbox.Http.GetStringAsync("/email/public/v1/events?limit=1000"));
        bodies.Add(await sandbox.Http.GetStringAsync("/crm/v3/owners"));

        foreach (var value in hidden)
        {
            bodies.ShouldAllBe(body => !body.Contains(value, StringComparison.OrdinalIgnoreCase), $"'{value}' leaked");
        }
    }

    [Theory]
    [InlineData("/crm/v3/objects/market/truth")]
    [InlineData("/crm/v3/market/truth")]
    [InlineData("/market/truth")]
    public async Task HubSpotRoutes_WithTheToken_HaveNoTruthEndpoint(string path)
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var response = await sandbox.Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        body.ShouldNotContain("propensity");
    }
}
