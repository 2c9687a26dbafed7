using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Behaviour;

public sealed class SendReactionTests
{
    private const int EmailId = 4242;

    [Fact]
    public async Task Send_LinkWithTrackingToken_OpensClicksAndVisitsCarryIt()
    {
        await using var sandbox = await TestSandbox.StartAsync(BehaviourClient.Options(10));
        var buyers = await BuyersAsync(sandbox);
        foreach (var buyer in buyers)
        {
            await SendAsync(sandbox, buyer.Email, new { content_url = $"{buyer.BestUrl}?utm_source=nurture&abm_t=token-{buyer.Id}" });
        }

        await BehaviourClient.AdvanceAsync(sandbox, days: 3);

        var ledger = (await BehaviourClient.SendsAsync(sandbox))["results"]!.AsArray().Select(s => s!).ToList();
        var emailEvents = await BehaviourClient.EmailEventsAsync(sandbox, TestSandbox.Start, TestSandbox.Start.AddDays(4), $"campaignId={EmailId}");
        var visits = await BehaviourClient.SiteEventsAsync(sandbox, "cause=send&type=website_visit");
        ledger.Count.ShouldBe(buyers.Count);
        ledger.ShouldAllBe(s => s["contentExternalId"]!.GetValue<string>().StartsWith("sbx-content-"));
        emailEvents.Count(e => e["type"]!.GetValue<string>() == "OPEN").ShouldBe(ledger.Count(s => s["opened"]!.GetValue<bool>()));
        emailEvents.Count(e => e["type"]!.GetValue<string>() == "CLICK").ShouldBe(ledger.Count(s => s["clicked"]!.GetValue<bool>()));
        visits.Count.ShouldBe(ledger.Count(s => s["clicked"]!.GetValue<bool>()));
        visits.Count.ShouldBeGreaterThan(0);
        visits.ShouldAllBe(v => v["trackingToken"]!.GetValue<string>() == $"token-{v["contactId"]}");
    }

    [Fact]
    public async Task Send_BookedMeeting_MeetingInTheCrmAssociatedToTheBuyer()
    {
        await using var sandbox = await TestSandbox.StartAsync(BehaviourClient.Options(20));
        foreach (var buyer in await BuyersAsync(sandbox))
        {
            await SendAsync(sandbox, buyer.Email, new { content_external_id = buyer.BestItem });
        }

        await BehaviourClient.AdvanceAsync(sandbox, days: 5);

        var booked = (await BehaviourClient.SendsAsync(sandbox))["results"]!.AsArray()
            .Where(s => s!["bookedMeeting"]!.GetValue<bool>()).Select(s => s!["contactId"]!.GetValue<long>().ToString()).ToHashSet();
        var meetings = JsonNode.Parse(await sandbox.Http.GetStringAsync("/crm/v3/objects/meetings?limit=100&properties=hs_meeting_title&associations=contacts"))!["results"]!.AsArray()
            .Where(m => m!["properties"]!["hs_meeting_title"]!.GetValue<string>().StartsWith("Follow-up call", StringComparison.Ordinal))
            .Select(m => m!["associations"]!["contacts"]!["results"]![0]!["id"]!.GetValue<string>()).ToHashSet();
        booked.Count.ShouldBeGreaterThan(0);
        meetings.ShouldBe(booked, ignoreOrder: true);
    }

    [Fact]
    public async Task Send_OverContacting_FewerOpensAndUnsubscribes()
    {
        await using var sandbox = await TestSandbox.StartAsync(BehaviourClient.Options(20));
        var buyers = await BuyersAsync(sandbox);
        var flooded = buyers.Where((_, i) => i % 2 == 0).ToList();
        var calm = buyers.Where((_, i) => i % 2 == 1).ToList();
        for (var day = 0; day < 6; day++)
        {
            foreach (var buyer in flooded)
            {
                for (var send = 0; send < 3; send++)
                {
                    await SendAsync(sandbox, buyer.Email, new { content_external_id = buyer.BestItem });
                    await BehaviourClient.AdvanceAsync(sandbox, hours: 0.01);
                }
            }

            if (day % 3 == 0)
            {
                foreach (var buyer in calm)
                {
                    await SendAsync(sandbox, buyer.Email, new { content_external_id = buyer.BestItem });
                }
            }

            await BehaviourClient.AdvanceAsync(sandbox, days: 1);
        }

        var ledger = (await BehaviourClient.SendsAsync(sandbox))["results"]!.AsArray().Select(s => s!).ToList();
        var calmIds = calm.Select(b => long.Parse(b.Id)).ToHashSet();
        var tired = ledger.Where(s => s["sendsInPreviousWeek"]!.GetValue<int>() > 2).ToList();
        var fresh = ledger.Where(s => calmIds.Contains(s["contactId"]!.GetValue<long>())).ToList();
        OpenRate(tired).ShouldBeLessThan(OpenRate(fresh) / 2);
        tired.Count(s => s["unsubscribed"]!.GetValue<bool>()).ShouldBeGreaterThan(fresh.Count(s => s["unsubscribed"]!.GetValue<bool>()) + 5);
        (await BehaviourClient.SummaryAsync(sandbox))["unsubscribed"]!.GetValue<int>().ShouldBeGreaterThan(0);
        await BehaviourClient.AdvanceAsync(sandbox, days: 2); // unsubscribes happen up to a day after the send
        var gone = ledger.First(s => s["unsubscribed"]!.GetValue<bool>())["contactId"]!.GetValue<long>();
        var (_, contact) = await sandbox.SendAsync(HttpMethod.Get, $"/crm/v3/objects/contacts/{gone}?properties=hs_email_optout,email");
        contact!["properties"]!["hs_email_optout"]!.GetValue<string>().ShouldBe("true");
        var (_, preferences) = await sandbox.SendAsync(HttpMethod.Get, $"/communication-preferences/v3/status/email/{contact["properties"]!["email"]!.GetValue<string>()}");
        preferences!["subscriptionStatuses"]![0]!["status"]!.GetValue<string>().ShouldBe("NOT_SUBSCRIBED");
    }

    [Fact]
    public async Task Task_AssociatedToBuyers_SomeEndInMeetings()
    {
        await using var sandbox = await TestSandbox.StartAsync(BehaviourClient.Options(40));
        var buyers = await BuyersAsync(sandbox);
        foreach (var chunk in buyers.Chunk(100))
        {
            var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/tasks/batch/create", new
            {
                inputs = chunk.Select(b => new
                {
                    properties = new { hs_timestamp = TestSandbox.Start.AddDays(1).ToString("O"), hs_task_subject = "Call about the new guide", hs_task_type = "CALL" },
                    associations = new[] { new { to = new { id = b.Id }, types = new[] { new { associationCategory = "HUBSPOT_DEFINED", associationTypeId = 204 } } } },
                }),
            });
            response.IsSuccessStatusCode.ShouldBeTrue(body?.ToJsonString());
        }

        await BehaviourClient.AdvanceAsync(sandbox, days: 4);

        var titles = JsonNode.Parse(await sandbox.Http.GetStringAsync("/crm/v3/objects/meetings?limit=100&properties=hs_meeting_title"))!["results"]!.AsArray()
            .Select(m => m!["properties"]!["hs_meeting_title"]!.GetValue<string>()).ToList();
        var fromTasks = titles.Count(t => t.StartsWith("Discovery call", StringComparison.Ordinal));
        fromTasks.ShouldBeGreaterThan(0);
        fromTasks.ShouldBeLessThan(buyers.Count / 10);
        // Worked within two days, so every task is completed four days on.
        var tasks = JsonNode.Parse(await sandbox.Http.GetStringAsync("/crm/v3/objects/tasks?limit=100&properties=hs_task_status,hs_task_completion_date"))!["results"]!.AsArray();
        tasks.Count.ShouldBe(100);
        tasks.ShouldAllBe(t => t!["properties"]!["hs_task_status"]!.GetValue<string>() == "COMPLETED" && t["properties"]!["hs_task_completion_date"] != null);
    }

    [Fact]
    public async Task Send_OpenedByTheBuyer_SomeReplyOnTheContactsLastRepliedDate()
    {
        await using var sandbox = await TestSandbox.StartAsync(BehaviourClient.Options(40));
        var buyers = await BuyersAsync(sandbox);
        foreach (var buyer in buyers)
        {
            await SendAsync(sandbox, buyer.Email, new { content_external_id = buyer.BestItem });
        }

        await BehaviourClient.AdvanceAsync(sandbox, days: 3);

        var opened = (await BehaviourClient.SendsAsync(sandbox))["results"]!.AsArray()
            .Where(s => s!["opened"]!.GetValue<bool>()).Select(s => s!["contactId"]!.GetValue<long>().ToString()).ToHashSet();
        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/search", new
        {
            filterGroups = new[] { new { filters = new[] { new { propertyName = "hs_sales_email_last_replied", @operator = "HAS_PROPERTY" } } } },
            properties = new[] { "hs_sales_email_last_replied" },
            limit = 200,
        });
        response.IsSuccessStatusCode.ShouldBeTrue(body?.ToJsonString());
        var replied = body!["results"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();
        replied.Count.ShouldBeGreaterThan(0);
        // Rare: a few percent of the opened sends.
        replied.Count.ShouldBeLessThan(opened.Count / 5);
        replied.ShouldAllBe(id => opened.Contains(id));
    }

    private static double OpenRate(List<JsonNode> sends) => sends.Count(s => s["opened"]!.GetValue<bool>()) / (double)sends.Count;

    private static async Task SendAsync(TestSandbox sandbox, string to, object customProperties)
    {
        var (response, body) = await sandbox.SendAsync(HttpMethod.Post, "/marketing/v3/transactional/single-email/send", new { emailId = EmailId, message = new { to }, customProperties });
        response.IsSuccessStatusCode.ShouldBeTrue(body?.ToJsonString());
    }

    /// <summary>The seeded buyers with their email and their best item now (read from the truth, as a test may).</summary>
    private static async Task<List<Buyer>> BuyersAsync(TestSandbox sandbox)
    {
        var truth = JsonNode.Parse(await sandbox.Http.GetStringAsync($"/_sandbox/portals/{sandbox.Portal.PortalId}/market/truth"))!;
        var catalogue = JsonNode.Parse(await sandbox.Http.GetStringAsync($"/_sandbox/portals/{sandbox.Portal.PortalId}/market/content"))!["results"]!.AsArray()
            .ToDictionary(i => i!["externalId"]!.GetValue<string>(), i => i!["url"]!.GetValue<string>());
        var buyers = new List<Buyer>();
        foreach (var contact in truth["contacts"]!.AsArray())
        {
            var id = contact!["contactId"]!.GetValue<string>();
            var email = JsonNode.Parse(await sandbox.Http.GetStringAsync($"/crm/v3/objects/contacts/{id}?properties=email"))!["properties"]!["email"]!.GetValue<string>();
            var best = new[] { "3", "2", "1" }.SelectMany(l => contact["relevance"]![l]!.AsArray()).First()!.GetValue<string>();
            buyers.Add(new Buyer(id, email, best, catalogue[best]));
        }

        return buyers;
    }

    private sealed record Buyer(string Id, string Email, string BestItem, string BestUrl);
}
