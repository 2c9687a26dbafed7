using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Abm.Server.Tests;

/// <summary>Malformed or invalid bodies get 400 problem details naming the fields, never a 500.</summary>
public sealed class BadRequestTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    public static TheoryData<string, string, string, string> Cases() => new()
    {
        { "POST", "/api/api-keys", """{"name":"","role":"boss"}""", "role" },
        { "POST", "/api/api-keys", """{"name":"ok"}""", "role" },
        { "POST", "/api/api-keys", """{"name":42,"role":"viewer"}""", "name" },
        { "POST", "/api/api-keys", """{"name":"x","role":"viewer""", "body" },
        { "POST", "/api/api-keys", "", "body" },
        { "POST", "/api/api-keys", "[1,2,3]", "body" },
        { "POST", "/api/workspaces", """{"name":"Acme","hubSpotPortalId":"not-a-number"}""", "hubSpotPortalId" },
        { "POST", "/api/workspaces", "{\"name\":\"" + new string('x', 300) + "\"}", "name" },
        { "PATCH", "/api/workspaces/{default}", """{"name":null}""", "name" },
        { "PATCH", "/api/workspaces/{default}", """{"name":{"nested":true}}""", "name" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Send_BadBody_Returns400WithFieldErrors(string method, string path, string body, string field)
    {
        var workspaces = await Server.OperatorClient().GetFromJsonAsync<List<AbmServerFactory.IdOnly>>("/api/workspaces");
        var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{default}", workspaces![0].Id.ToString(), StringComparison.Ordinal))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };

        var response = await Server.OperatorClient().SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.RootElement.ToString());
    }

    [Fact]
    public async Task Send_NotAGuidId_Returns404NotServerError()
    {
        var response = await Server.OperatorClient().GetAsync("/api/workspaces/not-a-guid");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
