using System.Net;
using System.Text;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Crm;

public sealed class CrmBadInputTests
{
    [Theory]
    [InlineData("GET", "/crm/v3/objects/widgets", HttpStatusCode.BadRequest, "VALIDATION_ERROR")]
    [InlineData("GET", "/crm/v3/nothing-here", HttpStatusCode.NotFound, "OBJECT_NOT_FOUND")]
    [InlineData("PUT", "/crm/v3/objects/contacts", HttpStatusCode.MethodNotAllowed, "VALIDATION_ERROR")]
    [InlineData("PATCH", "/crm/v3/objects/contacts/999999", HttpStatusCode.NotFound, "OBJECT_NOT_FOUND")]
    public async Task Send_BadRoute_ReturnsHubSpotShapedError(string method, string path, HttpStatusCode status, string category)
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, body) = await sandbox.SendAsync(new HttpMethod(method), path, method == "GET" ? null : new { properties = new { } });

        response.StatusCode.ShouldBe(status);
        body!["status"]!.GetValue<string>().ShouldBe("error");
        body["category"]!.GetValue<string>().ShouldBe(category);
    }

    [Fact]
    public async Task Create_MalformedJson_Returns400InvalidInputJson()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts", "{\"properties\": {");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body!["message"]!.GetValue<string>().ShouldStartWith("Invalid input JSON on line 1");
    }

    [Fact]
    public async Task Create_FormBody_Returns415()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var content = new StringContent("email=a@b.c", Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await sandbox.Http.PostAsync("/crm/v3/objects/contacts", content);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"status\":\"error\"");
    }

    [Fact]
    public async Task BatchUpsert_InvalidEmailAsId_Returns207ValidationError()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var inputs = new[] { new { id = "not-an-email", idProperty = "email", properties = new { jobtitle = "CTO" } } };

        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/batch/upsert", new { inputs });

        response.StatusCode.ShouldBe((HttpStatusCode)207, body?.ToJsonString());
        body!["errors"]![0]!["category"]!.GetValue<string>().ShouldBe("VALIDATION_ERROR");
    }

    [Fact]
    public async Task Create_SameEmailInParallel_ExactlyOneSucceeds()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts", new { properties = new { email = "race@example.com" } })));

        responses.Count(r => r.Response.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.Response.StatusCode == HttpStatusCode.Conflict).ShouldBe(19);
    }

    [Theory]
    [InlineData("/crm/v3/objects/contacts?limit=ten")]
    [InlineData("/crm/v3/objects/contacts?after=abc")]
    public async Task List_BadPagingParameter_Returns400(string path)
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, body) = await sandbox.SendAsync(HttpMethod.Get, path);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body!["category"]!.GetValue<string>().ShouldBe("VALIDATION_ERROR");
    }
}
