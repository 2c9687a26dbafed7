using System.Net;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Email;

public sealed class SubscriptionStatusTests
{
    [Fact]
    public async Task Status_ContactOptedOutOfAllEmail_IsNotSubscribedPortalWide_OthersSubscribed()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var (_, created) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts", new { properties = new { email = "gone@example.com", hs_email_optout = "true" } });
        await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts", new { properties = new { email = "kept@example.com" } });

        var (response, gone) = await sandbox.SendAsync(HttpMethod.Get, "/communication-preferences/v3/status/email/Gone@Example.com");
        var (_, kept) = await sandbox.SendAsync(HttpMethod.Get, "/communication-preferences/v3/status/email/kept@example.com");

        created!["properties"]!["hs_email_optout"]!.GetValue<string>().ShouldBe("true");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        gone!["recipient"]!.GetValue<string>().ShouldBe("gone@example.com");
        var status = gone["subscriptionStatuses"]!.AsArray().Single()!;
        (status["status"]!.GetValue<string>(), status["sourceOfStatus"]!.GetValue<string>()).ShouldBe(("NOT_SUBSCRIBED", "PORTAL_WIDE_STATUS"));
        kept!["subscriptionStatuses"]![0]!["status"]!.GetValue<string>().ShouldBe("SUBSCRIBED");
    }
}
