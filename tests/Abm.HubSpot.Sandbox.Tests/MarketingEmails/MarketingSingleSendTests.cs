using System.Globalization;
using System.Net;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.MarketingEmails;

/// <summary>Marketing emails v3 (the seeded templates) and the marketing single-send v4: recorded once, HubSpot's refusals.</summary>
public sealed class MarketingSingleSendTests
{
    [Fact]
    public async Task List_SeededEmails_PagedWithTheirEmailCampaignIds()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (_, first) = await sandbox.SendAsync(HttpMethod.Get, "/marketing/v3/emails?limit=3");
        var (_, rest) = await sandbox.SendAsync(HttpMethod.Get, $"/marketing/v3/emails?limit=3&after={first!["paging"]!["next"]!["after"]}");

        first["results"]!.AsArray().Count.ShouldBe(3);
        rest!["results"]!.AsArray().Single()!["id"]!.GetValue<string>().ShouldBe("710004");
        first["results"]![0]!["allEmailCampaignIds"]![0]!.GetValue<long>().ShouldBe(710001);
    }

    [Fact]
    public async Task Send_SameSendIdTwice_RecordedOnceWithItsEvents()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await sandbox.CreateContactAsync("reader@example.com");
        var body = new { emailId = 710001, message = new { to = "reader@example.com", sendId = "once" } };

        var (first, accepted) = await sandbox.SendAsync(HttpMethod.Post, "/marketing/v4/email/single-send", body);
        var (_, repeated) = await sandbox.SendAsync(HttpMethod.Post, "/marketing/v4/email/single-send", body);
        var (_, sends) = await sandbox.SendAsync(HttpMethod.Get, $"/_sandbox/portals/{sandbox.Portal.PortalId.ToString(CultureInfo.InvariantCulture)}/marketing-emails/sends");
        var (_, events) = await sandbox.SendAsync(HttpMethod.Get, "/email/public/v1/events?recipient=reader@example.com&campaignId=710001");

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        accepted!["status"]!.GetValue<string>().ShouldBe("PENDING");
        repeated!["sendResult"]!.GetValue<string>().ShouldBe("IDEMPOTENT_IGNORE");
        sends!["results"]!.AsArray().Count.ShouldBe(1);
        events!["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ShouldBe(["SENT", "DELIVERED"], ignoreOrder: true);
    }

    [Fact]
    public async Task Send_OptedOutRecipient_NotSentAndReportedUnsubscribed()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var contact = await sandbox.CreateContactAsync("gone@example.com");
        await sandbox.SendAsync(HttpMethod.Patch, $"/crm/v3/objects/contacts/{contact["id"]}", new { properties = new { hs_email_optout = "true" } });

        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/marketing/v4/email/single-send", new { emailId = 710001, message = new { to = "gone@example.com" } });
        var (_, sends) = await sandbox.SendAsync(HttpMethod.Get, $"/_sandbox/portals/{sandbox.Portal.PortalId.ToString(CultureInfo.InvariantCulture)}/marketing-emails/sends");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (body!["status"]!.GetValue<string>(), body["sendResult"]!.GetValue<string>()).ShouldBe(("COMPLETE", "PREVIOUSLY_UNSUBSCRIBED_PORTAL"));
        sends!["results"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData(999, "reader@example.com", HttpStatusCode.NotFound)]
    [InlineData(710001, "not-an-address", HttpStatusCode.BadRequest)]
    public async Task Send_UnknownEmailOrBadAddress_Refused(long emailId, string to, HttpStatusCode expected)
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, _) = await sandbox.SendAsync(HttpMethod.Post, "/marketing/v4/email/single-send", new { emailId, message = new { to } });

        response.StatusCode.ShouldBe(expected);
    }
}
