using System.Net;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Auth;

public sealed class PrivateAppAuthTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("pat-na1-not-a-real-token")]
    public async Task Get_MissingOrUnknownToken_Returns401InvalidAuthentication(string? token)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = sandbox.ClientFor(token);

        var (response, body) = await TestSandbox.SendAsync(client, HttpMethod.Get, "/crm/v3/objects/contacts");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        body!["category"]!.GetValue<string>().ShouldBe("INVALID_AUTHENTICATION");
    }

    [Fact]
    public async Task Get_PrivateAppWithoutOwnersScope_Returns403MissingScopes()
    {
        var options = TestSandbox.Options() with
        {
            Portals = [new SandboxPortalOptions { Accounts = 1, PrivateAppScopes = ["crm.objects.contacts.read"] }],
        };
        await using var sandbox = await TestSandbox.StartAsync(options);

        var (owners, body) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/owners");
        var (contacts, _) = await sandbox.SendAsync(HttpMethod.Get, "/crm/v3/objects/contacts");

        owners.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        body!["errors"]![0]!["context"]!["requiredGranularScopes"]![0]!.GetValue<string>().ShouldBe("crm.objects.owners.read");
        contacts.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
