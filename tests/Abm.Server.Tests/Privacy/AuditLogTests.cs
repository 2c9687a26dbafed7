using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Abm.Server.Tests.Privacy;

/// <summary><c>GET /api/audit</c>: each admin action once, with who, when, what and from where; filters and paging; bad filters named.</summary>
public sealed class AuditLogTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task List_KeyCreatedAndRevokedThroughTheApi_ShowsEachActionOnceNewestFirstWithItsSource()
    {
        var workspace = await Server.CreateWorkspaceAsync($"Audit {Guid.NewGuid():N}");
        var before = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        var (id, _) = await Server.CreateKeyAsync("viewer", workspace);
        (await Server.OperatorClient(workspace).DeleteAsync($"/api/api-keys/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var admin = Server.ClientWithKey((await Server.CreateKeyAsync("admin", workspace)).Key);

        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityId={id}&since={Uri.EscapeDataString(before.ToString("O"))}");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("action").GetString()).ShouldBe(["api_key.revoked", "api_key.created"]);
        items.ShouldAllBe(i => i.GetProperty("actor").GetString() == "operator" && i.GetProperty("entityType").GetString() == "api_key");
        items.ShouldAllBe(i => i.GetProperty("source").GetString()!.Length > 0);
        items[1].GetProperty("details").GetProperty("role").GetString().ShouldBe("viewer");
        page.GetProperty("total").GetInt32().ShouldBe(2);
        var created = await admin.GetFromJsonAsync<JsonElement>("/api/audit?action=api_key.created&limit=1");
        created.GetProperty("items").GetArrayLength().ShouldBe(1);
        created.GetProperty("total").GetInt32().ShouldBe(2, "the viewer key and the admin key");
    }

    [Fact]
    public async Task List_OtherWorkspacesEntries_AreNotShown()
    {
        var (mine, other) = (await Server.CreateWorkspaceAsync($"Audit {Guid.NewGuid():N}"), await Server.CreateWorkspaceAsync($"Audit {Guid.NewGuid():N}"));
        var (otherKey, _) = await Server.CreateKeyAsync("viewer", other);
        var admin = Server.ClientWithKey((await Server.CreateKeyAsync("admin", mine)).Key);

        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityId={otherKey}");

        page.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Theory]
    [InlineData("since=yesterday", "since")]
    [InlineData("until=2026-12-01T00:00:00", "until")]
    [InlineData("limit=501", "limit")]
    [InlineData("offset=-1", "offset")]
    public async Task List_BadFilter_Is400NamingIt(string query, string field)
    {
        var response = await Server.OperatorClient().GetAsync($"/api/audit?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }
}
