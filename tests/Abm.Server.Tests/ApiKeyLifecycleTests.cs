using System.Net;
using System.Net.Http.Json;
using System.Text;
using Abm.Server.Features.ApiKeys;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests;

public sealed class ApiKeyLifecycleTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Create_NewKey_ShownOnceStoredOnlyAsHashAndWorks()
    {
        var (id, key) = await Server.CreateKeyAsync("viewer");

        var listed = await Server.OperatorClient().GetFromJsonAsync<List<ApiKeyResponse>>("/api/api-keys");
        await using var database = Server.OpenDatabase();
        var row = await database.ApiKeys.IgnoreQueryFilters().SingleAsync(k => k.Id == id);

        listed!.Single(k => k.Id == id).Prefix.ShouldBe(row.Prefix);
        (await Server.OperatorClient().GetStringAsync("/api/api-keys")).ShouldNotContain(key);
        key.ShouldStartWith(row.Prefix + "_");
        Encoding.UTF8.GetString(row.SecretHash).ShouldNotContain(key);
        row.SecretHash.Length.ShouldBe(32);
        (await Server.ClientWithKey(key).GetAsync("/api/workspaces")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Use_ValidKey_RecordsLastUsedTime()
    {
        var (id, key) = await Server.CreateKeyAsync("admin");

        (await Server.ClientWithKey(key).GetAsync("/api/api-keys")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var database = Server.OpenDatabase();
        (await database.ApiKeys.IgnoreQueryFilters().SingleAsync(k => k.Id == id)).LastUsedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task Use_KeyInXApiKeyHeader_IsAccepted()
    {
        var (_, key) = await Server.CreateKeyAsync("admin");
        var client = Server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);

        (await client.GetAsync("/api/api-keys")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Revoke_Key_StopsItAtOnceAndRevokingAgainIsHarmless()
    {
        var (id, key) = await Server.CreateKeyAsync("admin");
        var client = Server.ClientWithKey(key);
        (await client.GetAsync("/api/api-keys")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Server.OperatorClient().DeleteAsync($"/api/api-keys/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await Server.OperatorClient().DeleteAsync($"/api/api-keys/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var refused = await client.GetAsync("/api/api-keys");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("revoked");
    }

    [Fact]
    public async Task List_WorkspaceAdmin_SeesOnlyItsOwnWorkspacesKeys()
    {
        var other = await Server.CreateWorkspaceAsync($"Keys {Guid.NewGuid():N}");
        var (otherKeyId, _) = await Server.CreateKeyAsync("viewer", other);
        var (_, admin) = await Server.CreateKeyAsync("admin");

        var keys = await Server.ClientWithKey(admin).GetFromJsonAsync<List<ApiKeyResponse>>("/api/api-keys");

        keys!.ShouldNotContain(k => k.Id == otherKeyId);
        keys.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Create_ChangesAreAudited()
    {
        var (id, _) = await Server.CreateKeyAsync("sales");

        await using var database = Server.OpenDatabase();
        var entry = await database.AuditLog.IgnoreQueryFilters().SingleAsync(a => a.EntityId == id.ToString());
        entry.Action.ShouldBe("api_key.created");
        entry.Actor.ShouldBe("operator");
    }
}
