using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Features.Workspaces;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests;

public sealed class WorkspaceTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task Start_FreshDatabase_CreatesExactlyOneDefaultWorkspace()
    {
        var workspaces = await Server.OperatorClient().GetFromJsonAsync<List<WorkspaceResponse>>("/api/workspaces");

        workspaces!.Count(w => w.IsDefault).ShouldBe(1);
    }

    [Fact]
    public async Task CreateRenameGetDelete_Workspace_RoundTrips()
    {
        var client = Server.OperatorClient();
        var created = await client.PostAsJsonAsync("/api/workspaces", new { name = "  Acme EMEA  ", hubSpotPortalId = "8812345" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var workspace = (await created.Content.ReadFromJsonAsync<WorkspaceResponse>())!;
        created.Headers.Location!.ToString().ShouldBe($"/api/workspaces/{workspace.Id}");
        workspace.Name.ShouldBe("Acme EMEA");

        (await client.PatchAsJsonAsync($"/api/workspaces/{workspace.Id}", new { name = "Acme Europe" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetFromJsonAsync<WorkspaceResponse>($"/api/workspaces/{workspace.Id}"))!.Name.ShouldBe("Acme Europe");

        (await client.DeleteAsync($"/api/workspaces/{workspace.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/workspaces/{workspace.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The workspace's own log went with it; the deletion is in the default workspace's log, once.
        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/audit?action=workspace.deleted&entityId={workspace.Id}");
        var entry = audit.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        entry.GetProperty("actor").GetString().ShouldBe("operator");
        entry.GetProperty("details").GetProperty("name").GetString().ShouldBe("Acme Europe");
        entry.GetProperty("details").GetProperty("hubSpotPortalId").GetString().ShouldBe("8812345");
    }

    [Fact]
    public async Task Create_PortalAlreadyConnected_Returns409()
    {
        var portal = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await Server.OperatorClient().PostAsJsonAsync("/api/workspaces", new { name = "One", hubSpotPortalId = portal })).EnsureSuccessStatusCode();

        var second = await Server.OperatorClient().PostAsJsonAsync("/api/workspaces", new { name = "Two", hubSpotPortalId = portal });

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Delete_DefaultWorkspace_Returns409AndKeepsIt()
    {
        var workspaces = await Server.OperatorClient().GetFromJsonAsync<List<WorkspaceResponse>>("/api/workspaces");
        var defaultId = workspaces!.Single(w => w.IsDefault).Id;

        (await Server.OperatorClient().DeleteAsync($"/api/workspaces/{defaultId}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Server.OperatorClient().GetAsync($"/api/workspaces/{defaultId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Delete_Workspace_RemovesItsKeys()
    {
        var workspace = await Server.CreateWorkspaceAsync($"Doomed {Guid.NewGuid():N}");
        var (keyId, key) = await Server.CreateKeyAsync("admin", workspace);

        (await Server.OperatorClient().DeleteAsync($"/api/workspaces/{workspace}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await using var database = Server.OpenDatabase();
        (await database.ApiKeys.IgnoreQueryFilters().AnyAsync(k => k.Id == keyId)).ShouldBeFalse();
        (await Server.ClientWithKey(key).GetAsync("/api/api-keys")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task List_WorkspaceAdmin_SeesOnlyItsOwnWorkspace()
    {
        var workspace = await Server.CreateWorkspaceAsync($"Mine {Guid.NewGuid():N}");
        var (_, admin) = await Server.CreateKeyAsync("admin", workspace);

        var visible = await Server.ClientWithKey(admin).GetFromJsonAsync<List<WorkspaceResponse>>("/api/workspaces");

        visible!.Select(w => w.Id).ShouldBe([workspace]);
    }
}
