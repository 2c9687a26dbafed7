using System.Net;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Email;

public sealed class EmailTests
{
    private static object Send(string? sendId = "welcome-1") =>
        new { emailId = 4242, message = new { to = "Reader@Example.com", sendId }, contactProperties = new { firstname = "Rea" }, customProperties = new { offer = "roi" } };

    [Fact]
    public async Task Send_SameSendIdTwice_RecordsOneSend()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (first, status) = await sandbox.SendAsync(HttpMethod.Post, "/marketing/v3/transactional/single-email/send", Send());
        var (second, repeat) = await sandbox.SendAsync(HttpMethod.Post, "/marketing/v3/transactional/single-email/send", Send());
        var (_, sends) = await sandbox.SendAsync(HttpMethod.Get, $"/_sandbox/portals/{sandbox.Portal.PortalId}/transactional-emails");

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        status!["status"]!.GetValue<string>().ShouldBe("PENDING");
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        repeat!["statusId"]!.GetValue<string>().ShouldBe(status["statusId"]!.GetValue<string>());
        repeat["sendResult"]!.GetValue<string>().ShouldBe("IDEMPOTENT_IGNORE");
        var recorded = sends!["results"]!.AsArray().Single()!;
        recorded["to"]!.GetValue<string>().ShouldBe("reader@example.com");
        recorded["customProperties"]!["offer"]!.GetValue<string>().ShouldBe("roi");
    }

    [Fact]
    public async Task Send_WithoutRecipient_Returns400()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/marketing/v3/transactional/single-email/send", new { emailId = 1, message = new { } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        body!["category"]!.GetValue<string>().ShouldBe("VALIDATION_ERROR");
    }

    [Fact]
    public async Task Events_OpensPagedWithOffset_CoverAllOpensOnce()
    {
        await using var sandbox = await TestSandbox.StartAsync(TestSandbox.Options(accounts: 5));
        var ids = new List<string>();
        string? offset = null;
        bool hasMore;
        do
        {
            var (_, page) = await sandbox.SendAsync(HttpMethod.Get, $"/email/public/v1/events?eventType=OPEN&limit=10{(offset is null ? "" : $"&offset={offset}")}");
            var events = page!["events"]!.AsArray();
            events.ShouldAllBe(e => e!["type"]!.GetValue<string>() == "OPEN");
            ids.AddRange(events.Select(e => e!["id"]!.GetValue<string>()));
            hasMore = page["hasMore"]!.GetValue<bool>();
            offset = page["offset"]!.GetValue<string>();
        }
        while (hasMore);

        ids.Count.ShouldBeGreaterThan(0);
        ids.Distinct().Count().ShouldBe(ids.Count);
    }

    [Fact]
    public async Task Events_ClicksSinceTimestamp_AreNewerAndCarryUrl()
    {
        await using var sandbox = await TestSandbox.StartAsync(TestSandbox.Options(accounts: 5));
        var since = TestSandbox.Start.AddDays(-30).ToUnixTimeMilliseconds();

        var (_, page) = await sandbox.SendAsync(HttpMethod.Get, $"/email/public/v1/events?eventType=CLICK&startTimestamp={since}&limit=1000");

        var clicks = page!["events"]!.AsArray();
        clicks.ShouldNotBeEmpty();
        clicks.ShouldAllBe(e => e!["created"]!.GetValue<long>() >= since && e["url"] != null);
    }
}
