using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Webhooks;

public sealed class WebhookDeliveryTests
{
    private static async Task SubscribeAsync(TestSandbox sandbox, WebhookReceiver receiver, params (string EventType, string? Property)[] subscriptions)
    {
        var key = $"?hapikey={sandbox.Host.DeveloperApiKey}";
        var (settings, _) = await sandbox.SendAsync(HttpMethod.Put, $"/webhooks/v3/{sandbox.Host.AppId}/settings{key}", new { targetUrl = receiver.Url });
        settings.StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var (eventType, property) in subscriptions)
        {
            var (created, body) = await sandbox.SendAsync(HttpMethod.Post, $"/webhooks/v3/{sandbox.Host.AppId}/subscriptions{key}", new { eventType, propertyName = property, active = true });
            created.StatusCode.ShouldBe(HttpStatusCode.Created, body?.ToJsonString());
        }
    }

    private static List<JsonNode> Events(IEnumerable<ReceivedRequest> requests) =>
        requests.SelectMany(r => JsonNode.Parse(r.Body)!.AsArray().Select(e => e!)).ToList();

    [Fact]
    public async Task CreateContact_SubscribedCreationAndProperty_DeliversSignedEvents()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await SubscribeAsync(sandbox, receiver, ("contact.creation", null), ("contact.propertyChange", "firstname"));

        var contact = await sandbox.CreateContactAsync("hooked@example.com", "Hook");
        var requests = await receiver.WaitForAsync(r => Events(r).Count >= 2);

        var events = Events(requests);
        events.Select(e => e["subscriptionType"]!.GetValue<string>()).ShouldBe(["contact.creation", "contact.propertyChange"], ignoreOrder: true);
        events.ShouldAllBe(e => e["objectId"]!.GetValue<long>() == long.Parse(contact["id"]!.GetValue<string>()) && e["portalId"]!.GetValue<long>() == sandbox.Portal.PortalId);
        var change = events.Single(e => e["subscriptionType"]!.GetValue<string>() == "contact.propertyChange");
        change["propertyValue"]!.GetValue<string>().ShouldBe("Hook");
        change["attemptNumber"]!.GetValue<int>().ShouldBe(0);
        change["occurredAt"]!.GetValue<long>().ShouldBe(TestSandbox.Start.ToUnixTimeMilliseconds());
        var request = requests[0];
        var timestamp = request.Headers["X-HubSpot-Request-Timestamp"];
        var expected = Convert.ToBase64String(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(sandbox.Host.ClientSecret), Encoding.UTF8.GetBytes("POST" + receiver.Url + request.Body + timestamp)));
        request.Headers["X-HubSpot-Signature-v3"].ShouldBe(expected);
        request.Headers["X-HubSpot-Signature-Version"].ShouldBe("v1");
        request.Headers["X-HubSpot-Signature"].ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sandbox.Host.ClientSecret + request.Body))));
    }

    [Fact]
    public async Task BatchCreate_150Contacts_DeliversInRequestsOfAtMost100()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await SubscribeAsync(sandbox, receiver, ("contact.creation", null));

        for (var batch = 0; batch < 2; batch++)
        {
            var inputs = Enumerable.Range(0, 75).Select(i => new { properties = new { email = $"b{batch}-{i}@example.com" } });
            await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/batch/create", new { inputs });
        }

        var requests = await receiver.WaitForAsync(r => Events(r).Count >= 150);

        Events(requests).Count.ShouldBe(150);
        requests.ShouldAllBe(r => JsonNode.Parse(r.Body)!.AsArray().Count <= 100);
        Events(requests).Select(e => e["eventId"]!.GetValue<long>()).Distinct().Count().ShouldBe(150);
    }

    [Fact]
    public async Task Deliver_TargetAnswers500_RetriedAfterBackoffWithNextAttemptNumber()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusFor = index => index == 0 ? 500 : 200;
        await SubscribeAsync(sandbox, receiver, ("contact.creation", null));

        await sandbox.CreateContactAsync("retry@example.com");
        await receiver.WaitForAsync(r => r.Count >= 1);
        await Task.Delay(100);
        receiver.Requests.Count.ShouldBe(1);
        sandbox.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        var requests = await receiver.WaitForAsync(r => r.Count >= 2);
        var (_, log) = await sandbox.SendAsync(HttpMethod.Get, "/_sandbox/webhooks/deliveries");

        Events(requests.Skip(1))[0]["attemptNumber"]!.GetValue<int>().ShouldBe(1);
        var outcomes = log!["results"]!.AsArray().Select(d => d!["outcome"]!.GetValue<string>()).ToList();
        outcomes.ShouldBe(["rejected", "delivered"]);
    }

    [Fact]
    public async Task Deliver_TargetAlwaysFails_GivesUpAfterTenRetries()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusFor = _ => 503;
        await SubscribeAsync(sandbox, receiver, ("contact.creation", null));

        await sandbox.CreateContactAsync("doomed@example.com");
        for (var attempt = 1; attempt <= 11; attempt++)
        {
            await receiver.WaitForAsync(r => r.Count >= attempt);
            await Task.Delay(30);
            sandbox.Host.Clock.Advance(TimeSpan.FromHours(8));
        }

        await Task.Delay(100);
        var (_, log) = await sandbox.SendAsync(HttpMethod.Get, "/_sandbox/webhooks/deliveries");

        receiver.Requests.Count.ShouldBe(11);
        log!["results"]!.AsArray()[^1]!["outcome"]!.GetValue<string>().ShouldBe("rejected-gave-up");
    }

    [Fact]
    public async Task Deliver_TargetTooSlow_CountsAsTimeoutAndRetries()
    {
        await using var sandbox = await TestSandbox.StartAsync(TestSandbox.Options() with { WebhookTimeout = TimeSpan.FromMilliseconds(200) });
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.DelayFor = index => index == 0 ? TimeSpan.FromMilliseconds(600) : TimeSpan.Zero;
        await SubscribeAsync(sandbox, receiver, ("contact.creation", null));

        await sandbox.CreateContactAsync("slow@example.com");
        await receiver.WaitForAsync(r => r.Count >= 1);
        // The retry is scheduled on the simulated clock once the sandbox has given up on the slow answer; advancing
        // the clock before that (a busy machine) would leave the retry in the future.
        for (var wait = 0; wait < 200 && await FirstOutcomeAsync(sandbox) != "timed-out"; wait++)
        {
            await Task.Delay(50);
        }

        sandbox.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await receiver.WaitForAsync(r => r.Count >= 2);
        var (_, log) = await sandbox.SendAsync(HttpMethod.Get, "/_sandbox/webhooks/deliveries");

        log!["results"]![0]!["outcome"]!.GetValue<string>().ShouldBe("timed-out");
        receiver.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Deliver_DuplicateRateOne_SendsEveryEventTwice()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await sandbox.SendAsync(HttpMethod.Put, "/_sandbox/webhooks/chaos", new { duplicateRate = 1.0, reorder = true, seed = 3 });
        await SubscribeAsync(sandbox, receiver, ("contact.creation", null));

        await sandbox.CreateContactAsync("twice@example.com");
        var requests = await receiver.WaitForAsync(r => Events(r).Count >= 2);

        var ids = Events(requests).Select(e => e["eventId"]!.GetValue<long>()).ToList();
        ids.Count.ShouldBe(2);
        ids.Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task Changes_DeleteMergeAndAssociate_ProduceTheirEventTypes()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        await SubscribeAsync(sandbox, receiver, ("contact.deletion", null), ("contact.merge", null), ("company.associationChange", null));
        var a = (await sandbox.CreateContactAsync("a@example.com"))["id"]!.GetValue<string>();
        var b = (await sandbox.CreateContactAsync("b@example.com"))["id"]!.GetValue<string>();
        var c = (await sandbox.CreateContactAsync("c@example.com"))["id"]!.GetValue<string>();
        var (_, company) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/companies", new { properties = new { name = "Events Co" } });

        await sandbox.SendAsync(HttpMethod.Delete, $"/crm/v3/objects/contacts/{a}");
        var (merged, _) = await sandbox.SendAsync(HttpMethod.Post, "/crm/v3/objects/contacts/merge", new { primaryObjectId = b, objectIdToMerge = c });
        await sandbox.SendAsync(HttpMethod.Put, $"/crm/v4/objects/contacts/{b}/associations/default/companies/{company!["id"]}");
        var requests = await receiver.WaitForAsync(r => Events(r).Count >= 3);

        merged.StatusCode.ShouldBe(HttpStatusCode.OK);
        var events = Events(requests);
        events.Select(e => e["subscriptionType"]!.GetValue<string>()).ShouldBe(["contact.deletion", "contact.merge", "company.associationChange"], ignoreOrder: true);
        var merge = events.Single(e => e["subscriptionType"]!.GetValue<string>() == "contact.merge");
        merge["mergedObjectIds"]![0]!.GetValue<long>().ShouldBe(long.Parse(c));
        var association = events.Single(e => e["subscriptionType"]!.GetValue<string>() == "company.associationChange");
        association["associationType"]!.GetValue<string>().ShouldBe("COMPANY_TO_CONTACT");
        association["toObjectId"]!.GetValue<long>().ShouldBe(long.Parse(b));
    }

    private static async Task<string?> FirstOutcomeAsync(TestSandbox sandbox)
    {
        var (_, log) = await sandbox.SendAsync(HttpMethod.Get, "/_sandbox/webhooks/deliveries");
        return log?["results"]?.AsArray() is [var first, ..] ? first?["outcome"]?.GetValue<string>() : null;
    }
}
