using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Abm.Browser.Tests;

/// <summary>The settings page's users: an admin adds one (the generated password signs in), changes the role and removes it; others do not see users.</summary>
public sealed partial class DashboardTests
{
    [Fact]
    public async Task SettingsUsers_Admin_AddsChangesRoleAndRemovesAUserAsTheApiShows()
    {
        var email = $"new.user.{Guid.NewGuid():N}@vendor.example";
        var page = await fixture.SignedInPageAsync(email: DashboardFixture.AdminEmail);
        await page.GotoAsync("/settings");
        await page.Locator("#users").WaitForAsync();

        await page.Locator("#user-email").FillAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        var password = (await page.Locator("[data-field=new-password]").TextContentAsync())!.Trim();
        password.Length.ShouldBeGreaterThanOrEqualTo(12);
        var row = page.Locator($"[data-user='{email}']");
        await Assertions.Expect(row.Locator("[data-field=role]")).ToHaveValueAsync("viewer");
        (await UserAsync(email)).GetProperty("role").GetString().ShouldBe("viewer");

        // The password shown once signs the new user in.
        var newcomer = await fixture.SignedInPageAsync(email: email, password: password);
        await newcomer.Context.CloseAsync();

        var axe = await page.RunAxe();
        axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ShouldBeEmpty();
        await ScreenshotAsync(page, "settings-users");

        await row.Locator("[data-field=role]").SelectOptionAsync("marketer");
        await Assertions.Expect(page.Locator($"[data-user='{email}'] [data-field=role]")).ToHaveValueAsync("marketer");
        await WaitForAsync(async () => (await UserAsync(email)).GetProperty("role").GetString() == "marketer");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Remove {email}" }).ClickAsync();
        await Assertions.Expect(page.Locator($"[data-user='{email}']")).ToHaveCountAsync(0);
        (await fixture.Api.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray().Any(u => u.GetProperty("email").GetString() == email).ShouldBeFalse();

        var audit = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/audit?entityType=user&limit=500");
        var mine = audit.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("details").ToString().Contains(email, StringComparison.Ordinal)).ToList();
        mine.Select(e => e.GetProperty("action").GetString()).ShouldBe(["user.removed", "user.role_changed", "user.created"]);
        mine.ShouldAllBe(e => e.GetProperty("source").GetString() == "dashboard");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SettingsUsers_Marketer_DoesNotSeeUsers()
    {
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/settings");
        await page.Locator("[data-field=half-life]").WaitForAsync();
        await Assertions.Expect(page.Locator("#users")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Add user" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    private async Task<JsonElement> UserAsync(string email) =>
        (await fixture.Api.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray().Single(u => u.GetProperty("email").GetString() == email);

    /// <summary>A change the page made, read back through the API until it shows (the page answers before the test reads).</summary>
    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100 && !await condition(); attempt++)
        {
            await Task.Delay(100);
        }

        (await condition()).ShouldBeTrue();
    }
}
