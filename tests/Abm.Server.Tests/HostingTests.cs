using System.Net;
using System.Text.Json;

namespace Abm.Server.Tests;

public sealed class HostingTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Build_FromAProgramOtherThanTheServer_FindsTheDashboardAssets()
    {
        // This test process is not abm: as for the benchmarks, the host must still find abm's static-asset manifests.
        await using var app = AbmApp.Build(["--urls", "http://127.0.0.1:0"]);

        app.Environment.ApplicationName.ShouldBe("abm");
    }

    [Fact]
    public async Task HealthReady_MigratedDatabase_Returns200WithDatabaseCheck()
    {
        var response = await Server.CreateClient().GetAsync("/health/ready");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task HealthLive_NoKey_Returns200()
    {
        (await Server.CreateClient().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheApiRoutes()
    {
        var response = await Server.CreateClient().GetAsync("/openapi/v1.json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/workspaces");
        paths.ShouldContain("/api/api-keys/{id}");
    }

    [Fact]
    public async Task UnknownRoute_Returns404ProblemDetails()
    {
        var response = await Server.CreateClient().GetAsync("/api/no-such-thing");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }
}
