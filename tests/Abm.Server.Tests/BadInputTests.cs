using System.Net;
using System.Text;
using System.Text.Json;

namespace Abm.Server.Tests;

/// <summary>Input that used to reach a 500: each is now a 4xx problem naming what is wrong, and nothing is stored.</summary>
public sealed class BadInputTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    public static TheoryData<string, string> JsonRoutes() => new()
    {
        { "POST", "/api/events" },
        { "PUT", "/api/segments/rules" },
        { "PUT", "/api/engagement/settings" },
        { "POST", "/api/api-keys" },
        { "POST", "/api/content" },
        { "POST", "/api/workspaces" },
        { "POST", "/api/connections" },
        { "POST", "/api/sync" },
    };

    [Theory]
    [MemberData(nameof(JsonRoutes))]
    public async Task SendJson_UnknownCharset_Returns415Problem(string method, string path)
    {
        var content = new ByteArrayContent("{}"u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=bogus");

        var response = await Server.OperatorClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = content });

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("bogus");
    }

    public static TheoryData<string, string, string, string> InvalidBodies() => new()
    {
        // A null where a list item belongs.
        { "POST", "/api/events", """{"events":[null]}""", "events[0]" },
        { "PUT", "/api/segments/rules", """{"rules":[null]}""", "rules[0]" },
        { "POST", "/api/content", """{"title":"Guide","contentType":"whitepaper","targetPersonas":[null]}""", "targetPersonas[0]" },
        // Numbers beyond any setting's range, in every spelling.
        { "PUT", "/api/engagement/settings", """{"windowDays":2147483648}""", "windowDays" },
        { "PUT", "/api/engagement/settings", """{"windowDays":1e400}""", "windowDays" },
        { "PUT", "/api/engagement/settings", """{"windowDays":"NaN"}""", "windowDays" },
        { "PUT", "/api/engagement/settings", """{"windowDays":"Infinity"}""", "windowDays" },
        { "PUT", "/api/engagement/settings", """{"engagedThreshold":1e300}""", "engagedThreshold" },
        { "PUT", "/api/engagement/settings", """{"significantScoreDelta":-9223372036854775809}""", "significantScoreDelta" },
        { "PUT", "/api/engagement/settings", """{"halfLifeDays":"-Infinity"}""", "halfLifeDays" },
        // A line break in a token would reach the Authorization header.
        { "POST", "/api/connections", """{"accessToken":"pat-na1-0123456789\r\nX-Injected: yes","portalId":"24000001"}""", "accessToken" },
        // Control characters and bidi overrides in names and titles.
        { "POST", "/api/workspaces", """{"name":"Acme\u0000Corp"}""", "name" },
        { "POST", "/api/api-keys", """{"name":"ci\nkey","role":"viewer"}""", "name" },
        { "POST", "/api/content", """{"title":"Invoice\u202Efdp.exe","contentType":"whitepaper"}""", "title" },
        { "POST", "/api/content", """{"title":"Guide","contentType":"whitepaper","topic":"esc\u001b[31m"}""", "topic" },
        { "POST", "/api/content", """{"title":"Guide","contentType":"whitepaper","targetIndustries":["bank\u2066ing"]}""", "targetIndustries" },
        { "PUT", "/api/segments/rules", """{"rules":[{"segment":"vip","property":"company","operator":"contains","value":"acme\u0085"}]}""", "rules[0].value" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Send_InvalidBody_Returns400NamingTheField(string method, string path, string body, string field)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        var response = await Server.OperatorClient().SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(text);
        problem.RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(text);
    }

    [Fact]
    public async Task PostEvents_ControlCharactersInSomeItems_RejectsThoseItemsOnly()
    {
        var (client, workspace) = await Server.MarketerInNewWorkspaceAsync();
        var contact = await Server.SeedContactAsync(workspace);
        var body = $$"""{"events":[{"type":"email_open","occurredAt":"2026-01-01T00:00:00Z","contactHubSpotId":"{{contact.HubSpotId}}","clientEventId":"a\u202Eb"},{"type":"email_open","occurredAt":"2026-01-01T00:00:00Z","contactHubSpotId":"{{contact.HubSpotId}}"},{"type":"email_open","occurredAt":"2026-01-01T00:00:00Z","contactHubSpotId":"1\u00002"},{"type":"email_open","metadata":{"note":"nul\u0000"},"occurredAt":"2026-01-01T00:00:00Z","contactHubSpotId":"{{contact.HubSpotId}}"}]}""";

        var response = await client.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"));

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        using var answer = JsonDocument.Parse(text);
        answer.RootElement.GetProperty("results")[0].GetProperty("status").GetString().ShouldBe("Rejected");
        answer.RootElement.GetProperty("results")[0].GetProperty("errors")[0].GetString()!.ShouldContain("clientEventId");
        answer.RootElement.GetProperty("results")[1].GetProperty("status").GetString().ShouldBe("Accepted");
        answer.RootElement.GetProperty("results")[2].GetProperty("errors")[0].GetString()!.ShouldContain("contactHubSpotId");
        answer.RootElement.GetProperty("results")[3].GetProperty("errors")[0].GetString()!.ShouldContain("metadata");
    }
}
