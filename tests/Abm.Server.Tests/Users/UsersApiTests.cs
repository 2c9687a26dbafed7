using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Features.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Server.Tests.Users;

/// <summary>The users routes: an admin lists, adds, re-roles and removes the workspace's users; each change audited; the workspace keeps an admin.</summary>
public sealed class UsersApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private AbmServerFactory Server => fixture.Factory;

    [Fact]
    public async Task AddChangeRoleRemove_AdminKey_WorksAndIsAudited()
    {
        var workspace = await Server.CreateWorkspaceAsync($"Users {Guid.NewGuid():N}");
        var admin = Server.ClientWithKey((await Server.CreateKeyAsync("admin", workspace)).Key);
        var email = $"new-{Guid.NewGuid():N}@vendor.example";

        var added = await admin.PostAsJsonAsync("/api/users", new { email, role = "viewer" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var user = await added.Content.ReadFromJsonAsync<JsonElement>();
        var id = user.GetProperty("id").GetGuid();
        var password = user.GetProperty("password").GetString()!;
        password.Length.ShouldBeGreaterThanOrEqualTo(UserSetup.MinimumPasswordLength);
        await using (var scope = Server.Services.CreateAsyncScope())
        {
            var manager = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Abm.Data.Entities.DashboardUser>>();
            (await manager.CheckPasswordAsync((await manager.FindByIdAsync(id.ToString()))!, password)).ShouldBeTrue();
        }

        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/users");
        listed.EnumerateArray().Single(u => u.GetProperty("id").GetGuid() == id).GetProperty("role").GetString().ShouldBe("viewer");
        listed.EnumerateArray().Any(u => u.TryGetProperty("password", out _)).ShouldBeFalse();

        var changed = await admin.PutAsJsonAsync($"/api/users/{id}/role", new { role = "marketer" });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString().ShouldBe("marketer");

        (await admin.DeleteAsync($"/api/users/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray().Any(u => u.GetProperty("id").GetGuid() == id).ShouldBeFalse();
        (await admin.DeleteAsync($"/api/users/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityId={id}");
        var actions = audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        actions.ShouldBe(["user.removed", "user.role_changed", "user.created"]);
        audit.GetProperty("items").ToString().ShouldNotContain(password);
    }

    [Fact]
    public async Task Add_BadOrTakenEmailOrShortPassword_400NamingTheField()
    {
        var workspace = await Server.CreateWorkspaceAsync($"Users {Guid.NewGuid():N}");
        var admin = Server.ClientWithKey((await Server.CreateKeyAsync("admin", workspace)).Key);
        var email = $"taken-{Guid.NewGuid():N}@vendor.example";
        (await admin.PostAsJsonAsync("/api/users", new { email, role = "sales", password = "a long enough passphrase" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { email, role = "viewer" }, "email"),
            (new { email = "not an email", role = "viewer" }, "email"),
            (new { email = $"x-{Guid.NewGuid():N}@vendor.example", role = "owner" }, "role"),
            (new { email = $"y-{Guid.NewGuid():N}@vendor.example", role = "viewer", password = "short" }, "password"),
        })
        {
            var response = await admin.PostAsJsonAsync("/api/users", body);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body.ToString());
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            errors.EnumerateObject().Select(e => e.Name.ToLowerInvariant()).ShouldContain(field, body.ToString());
        }
    }

    [Fact]
    public async Task DemoteOrRemove_OnlyAdminUser_409AndKept()
    {
        var workspace = await Server.CreateWorkspaceAsync($"Users {Guid.NewGuid():N}");
        var admin = Server.ClientWithKey((await Server.CreateKeyAsync("admin", workspace)).Key);
        var added = await admin.PostAsJsonAsync("/api/users", new { email = $"only-{Guid.NewGuid():N}@vendor.example", role = "admin" });
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (await admin.PutAsJsonAsync($"/api/users/{id}/role", new { role = "viewer" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.DeleteAsync($"/api/users/{id}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var second = await admin.PostAsJsonAsync("/api/users", new { email = $"second-{Guid.NewGuid():N}@vendor.example", role = "admin" });
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.PutAsJsonAsync($"/api/users/{id}/role", new { role = "viewer" })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
