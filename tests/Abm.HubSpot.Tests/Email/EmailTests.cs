using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Abm.HubSpot.Email;
using Abm.HubSpot.Tests.Infrastructure;

namespace Abm.HubSpot.Tests.Email;

public sealed class EmailTests
{
    private const long WelcomeEmailId = 4_100_200;

    [Fact]
    public async Task SendTransactionalAsync_SameSendIdTwice_SendsOnce()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        var email = new TransactionalEmail
        {
            EmailId = WelcomeEmailId,
            To = "Ada.Buyer@example.com",
            SendId = "welcome-ada-1",
            CustomProperties = new Dictionary<string, string?> { ["asset"] = "ROI calculator" },
        };

        var first = await client.Email.SendTransactionalAsync(email);
        var second = await client.Email.SendTransactionalAsync(email);
        await client.Email.SendTransactionalAsync(email with { SendId = "welcome-ada-2" });

        first.StatusId.ShouldNotBeNullOrEmpty();
        second.StatusId.ShouldBe(first.StatusId);
        var sends = await RecordedSendsAsync(portal);
        sends.Select(s => s["sendId"]!.GetValue<string>()).ShouldBe(["welcome-ada-1", "welcome-ada-2"]);
        sends[0]["emailId"]!.GetValue<long>().ShouldBe(WelcomeEmailId);
        sends[0]["customProperties"]!["asset"]!.GetValue<string>().ShouldBe("ROI calculator");
        var sent = await ReadAllAsync(client, new EmailEventQuery { EventType = "SENT", Recipient = "ada.buyer@example.com" });
        sent.Count.ShouldBe(2);
    }

    [Fact]
    public async Task SendTransactionalAsync_NoSendId_SendsEachCallWithItsOwnSendId()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        var email = new TransactionalEmail { EmailId = WelcomeEmailId, To = "grace@example.com" };

        await client.Email.SendTransactionalAsync(email);
        await client.Email.SendTransactionalAsync(email);

        var sends = await RecordedSendsAsync(portal);
        sends.Count.ShouldBe(2);
        sends.Select(s => s["sendId"]?.GetValue<string>()).Distinct().Count().ShouldBe(2);
        sends.ShouldAllBe(s => !string.IsNullOrEmpty(s["sendId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task SendTransactionalAsync_AnswerGarbledAfterTheSend_RetrySendsNothingNew()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        // The sandbox performs each send, then garbles about half of the answers (seeded draws), so the client retries.
        await portal.AddFaultAsync(new { route = "POST /marketing/v3/transactional/single-email/send", seed = 1, malformedRate = 0.5 });

        var status = await client.Email.SendTransactionalAsync(new TransactionalEmail { EmailId = WelcomeEmailId, To = "linus@example.com" });

        status.StatusId.ShouldNotBeNullOrEmpty();
        (await portal.CountAsync("POST /marketing/v3/transactional/single-email/send")).ShouldBeGreaterThan(1);
        (await RecordedSendsAsync(portal)).ShouldHaveSingleItem()["statusId"]!.GetValue<string>().ShouldBe(status.StatusId);
    }

    [Fact]
    public async Task ListEventPagesAsync_SmallPages_ReturnsTheSameEventsAsOnePage()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        var query = new EmailEventQuery { EventType = "OPEN", PageSize = 1_000 };
        var whole = await client.Email.ListEventPageAsync(query);
        await portal.ClearCountersAsync();

        var paged = await ReadAllAsync(client, query with { PageSize = 10 });

        whole.Offset.ShouldBeNull();
        whole.Events.Count.ShouldBeGreaterThan(20);
        paged.Select(e => e.Id).ShouldBe(whole.Events.Select(e => e.Id));
        paged.ShouldAllBe(e => e.Type == "OPEN" && e.Recipient != null && e.Created != null && e.EmailCampaignId != null);
        (await portal.CountAsync("GET /email/public/v1/events", 200)).ShouldBe((whole.Events.Count + 9) / 10);
    }

    [Fact]
    public async Task ListEventPagesAsync_TimeWindow_ReturnsOnlyEventsInsideIt()
    {
        await using var portal = await TestPortal.StartAsync();
        var client = portal.Client();
        var all = await ReadAllAsync(client, new EmailEventQuery { EventType = "CLICK" });
        var since = all[all.Count / 2].Created!.Value;

        var recent = await ReadAllAsync(client, new EmailEventQuery { EventType = "CLICK", Since = since });

        all.ShouldAllBe(e => e.Url != null);
        recent.Select(e => e.Id).ShouldBe(all.Where(e => e.Created >= since).Select(e => e.Id));
        recent.Count.ShouldBeLessThan(all.Count);
    }

    private static async Task<List<EmailEvent>> ReadAllAsync(HubSpotClient client, EmailEventQuery query)
    {
        var events = new List<EmailEvent>();
        await foreach (var page in client.Email.ListEventPagesAsync(query))
        {
            events.AddRange(page.Events);
        }

        return events;
    }

    private static async Task<List<JsonNode>> RecordedSendsAsync(TestPortal portal)
    {
        var recorded = await portal.Admin.GetFromJsonAsync<JsonObject>($"/_sandbox/portals/{portal.Portal.PortalId}/transactional-emails");
        return [.. recorded!["results"]!.AsArray().OfType<JsonNode>()];
    }
}
