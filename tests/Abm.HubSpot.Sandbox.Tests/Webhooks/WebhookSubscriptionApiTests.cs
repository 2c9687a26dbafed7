using System.Net;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Webhooks;

public sealed class WebhookSubscriptionApiTests
{
    private static string Path(TestSandbox sandbox, string rest, string? key = null) =>
        $"/webhooks/v3/{sandbox.Host.AppId}/{rest}?hapikey={key ?? sandbox.Host.DeveloperApiKey}";

    [Fact]
    public async Task Subscriptions_WrongDeveloperKey_Returns401()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, body) = await sandbox.SendAsync(HttpMethod.Get, Path(sandbox, "subscriptions", "wrong"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        body!["category"]!.GetValue<string>().ShouldBe("INVALID_AUTHENTICATION");
    }

    [Fact]
    public async Task Subscriptions_CreateListDeactivateDelete_RoundTrip()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (created, subscription) = await sandbox.SendAsync(HttpMethod.Post, Path(sandbox, "subscriptions"), new { eventType = "contact.propertyChange", propertyName = "email", active = true });
        var id = subscription!["id"]!.GetValue<string>();
        var (_, patched) = await sandbox.SendAsync(HttpMethod.Patch, Path(sandbox, $"subscriptions/{id}"), new { active = false });
        var (_, list) = await sandbox.SendAsync(HttpMethod.Get, Path(sandbox, "subscriptions"));
        var (deleted, _) = await sandbox.SendAsync(HttpMethod.Delete, Path(sandbox, $"subscriptions/{id}"));

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        patched!["active"]!.GetValue<bool>().ShouldBeFalse();
        list!["results"]!.AsArray().Single()!["propertyName"]!.GetValue<string>().ShouldBe("email");
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Subscriptions_Duplicate_Returns409()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await sandbox.SendAsync(HttpMethod.Post, Path(sandbox, "subscriptions"), new { eventType = "company.creation" });

        var (response, _) = await sandbox.SendAsync(HttpMethod.Post, Path(sandbox, "subscriptions"), new { eventType = "company.creation" });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("contact.propertyChange", null)]
    [InlineData("contact.creation", "email")]
    [InlineData("contact.teleport", null)]
    public async Task Subscriptions_InvalidEventOrProperty_Returns400(string eventType, string? propertyName)
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, _) = await sandbox.SendAsync(HttpMethod.Post, Path(sandbox, "subscriptions"), new { eventType, propertyName });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Settings_PutThenGet_ReturnsTargetAndThrottling()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (put, _) = await sandbox.SendAsync(HttpMethod.Put, Path(sandbox, "settings"), new { targetUrl = "https://app.example.com/hooks", throttling = new { maxConcurrentRequests = 5 } });
        var (_, settings) = await sandbox.SendAsync(HttpMethod.Get, Path(sandbox, "settings"));

        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        settings!["targetUrl"]!.GetValue<string>().ShouldBe("https://app.example.com/hooks");
        settings["throttling"]!["maxConcurrentRequests"]!.GetValue<int>().ShouldBe(5);
    }
}
