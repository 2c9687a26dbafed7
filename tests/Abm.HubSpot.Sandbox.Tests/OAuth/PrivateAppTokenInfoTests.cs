using System.Net;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.OAuth;

public sealed class PrivateAppTokenInfoTests
{
    private const string Route = "/oauth/v2/private-apps/get/access-token-info";

    [Fact]
    public async Task TokenInfo_PrivateAppToken_AnswersItsPortalAndScopesWithoutCredentials()
    {
        await using var sandbox = await TestSandbox.StartAsync(TestSandbox.Options() with
        {
            Portals = [new SandboxPortalOptions { Accounts = 1, PrivateAppScopes = ["oauth", "crm.objects.contacts.read"] }],
        });
        using var anonymous = sandbox.ClientFor(null);

        var (response, body) = await TestSandbox.SendAsync(anonymous, HttpMethod.Post, Route, new { tokenKey = sandbox.Portal.AccessToken });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body?.ToJsonString());
        body!["hubId"]!.GetValue<long>().ShouldBe(sandbox.Portal.PortalId);
        body["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["crm.objects.contacts.read", "oauth"]);
        body["appId"]!.GetValue<long>().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task TokenInfo_UnknownOrMissingToken_IsRefused()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var anonymous = sandbox.ClientFor(null);

        var (unknown, _) = await TestSandbox.SendAsync(anonymous, HttpMethod.Post, Route, new { tokenKey = "pat-na1-unknown" });
        var (missing, _) = await TestSandbox.SendAsync(anonymous, HttpMethod.Post, Route, new { });

        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
