using System.Net;
using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Tests.Infrastructure;

namespace Abm.HubSpot.Sandbox.Tests.Behaviour;

public sealed class EventSinkTests
{
    [Fact]
    public async Task Sink_ReceiverFailsOnce_EveryEventArrivesOnceInBatchesWithAbmContentIds()
    {
        await using var sandbox = await TestSandbox.StartAsync(BehaviourClient.Options(3));
        await using var receiver = await AbmEventReceiver.StartAsync(await CatalogueAsync(sandbox));
        receiver.EventsStatusFor = n => n == 0 ? 503 : 200;
        await SetSinkAsync(sandbox, receiver, batchSize: 100);

        await BehaviourClient.AdvanceAsync(sandbox, days: 1);
        var all = await BehaviourClient.SiteEventsAsync(sandbox);
        // Form submissions reach ABM Engine through HubSpot's forms API instead.
        var expected = all.Where(e => e["type"]!.GetValue<string>() != "form_submission").ToList();
        await AbmEventReceiver.WaitForAsync(() => Delivered(receiver).Count >= expected.Count);

        var delivered = Delivered(receiver);
        delivered.Select(e => e["clientEventId"]!.GetValue<string>()).ShouldBe(expected.Select(e => e["clientEventId"]!.GetValue<string>()), ignoreOrder: true);
        receiver.EventRequests[0].Headers["x-answered"].ShouldBe("503");
        receiver.EventRequests.ShouldAllBe(r => r.Headers["X-Api-Key"] == "abm-key");
        receiver.StoredBatches.ShouldAllBe(b => JsonNode.Parse(b.Body)!["events"]!.AsArray().Count <= 100);
        foreach (var e in delivered)
        {
            e["type"]!.GetValue<string>().ShouldBeOneOf("website_visit", "content_download");
            e["contactHubSpotId"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
            e["occurredAt"].ShouldNotBeNull();
            Guid.Parse(e["contentId"]!.GetValue<string>()).ShouldBe(AbmEventReceiver.ContentIdOf(e["metadata"]!["contentExternalId"]!.GetValue<string>()));
        }

        var status = JsonNode.Parse(await sandbox.Http.GetStringAsync($"/_sandbox/portals/{sandbox.Portal.PortalId}/event-sink"))!;
        status["accepted"]!.GetValue<long>().ShouldBe(expected.Count);
        status["failedAttempts"]!.GetValue<long>().ShouldBe(1);
        status.ToJsonString().ShouldNotContain("abm-key");
    }

    [Fact]
    public async Task Sink_SendWithTrackedLink_VisitsGoToCollectWithTheToken()
    {
        await using var sandbox = await TestSandbox.StartAsync(BehaviourClient.Options(10));
        var catalogue = await CatalogueAsync(sandbox);
        await using var receiver = await AbmEventReceiver.StartAsync(catalogue);
        await SetSinkAsync(sandbox, receiver, batchSize: 500);
        var truth = JsonNode.Parse(await sandbox.Http.GetStringAsync($"/_sandbox/portals/{sandbox.Portal.PortalId}/market/truth"))!;
        var urls = JsonNode.Parse(await sandbox.Http.GetStringAsync($"/_sandbox/portals/{sandbox.Portal.PortalId}/market/content"))!["results"]!.AsArray()
            .ToDictionary(i => i!["externalId"]!.GetValue<string>(), i => i!["url"]!.GetValue<string>());
        foreach (var contact in truth["contacts"]!.AsArray())
        {
            var id = contact!["contactId"]!.GetValue<string>();
            var email = JsonNode.Parse(await sandbox.Http.GetStringAsync($"/crm/v3/objects/contacts/{id}?properties=email"))!["properties"]!["email"]!.GetValue<string>();
            var item = new[] { "3", "2", "1" }.SelectMany(l => contact["relevance"]![l]!.AsArray()).First()!.GetValue<string>();
            await sandbox.SendAsync(HttpMethod.Post, "/marketing/v3/transactional/single-email/send", new
            {
                emailId = 1,
                message = new { to = email },
                customProperties = new { guide_link = $"{urls[item]}?abm_t=signed-{id}" },
            });
        }

        await BehaviourClient.AdvanceAsync(sandbox, days: 3);
        var tracked = await BehaviourClient.SiteEventsAsync(sandbox, "cause=send");
        await AbmEventReceiver.WaitForAsync(() => receiver.Collected.Count >= tracked.Count);

        tracked.Count.ShouldBeGreaterThan(0);
        receiver.Collected.Count.ShouldBe(tracked.Count);
        foreach (var request in receiver.Collected)
        {
            var body = JsonNode.Parse(request.Body)!;
            body["t"]!.GetValue<string>().ShouldStartWith("signed-");
            body["type"]!.GetValue<string>().ShouldBeOneOf("website_visit", "content_download");
            body["eventId"]!.GetValue<string>().Length.ShouldBeLessThanOrEqualTo(64);
            body["url"]!.GetValue<string>().ShouldContain("abm_t=");
            request.Headers["User-Agent"].ShouldStartWith("Mozilla/5.0");
        }

        Delivered(receiver).ShouldAllBe(e => e["metadata"]!["cause"]!.GetValue<string>() == "organic");
    }

    [Fact]
    public async Task Sink_BadSettings_Refused()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, _) = await sandbox.SendAsync(HttpMethod.Put, $"/_sandbox/portals/{sandbox.Portal.PortalId}/event-sink", new { url = "not a url", apiKey = "k" });
        var (missing, _) = await sandbox.SendAsync(HttpMethod.Get, $"/_sandbox/portals/{sandbox.Portal.PortalId}/event-sink");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static List<JsonNode> Delivered(AbmEventReceiver receiver) =>
        receiver.StoredBatches.SelectMany(b => JsonNode.Parse(b.Body)!["events"]!.AsArray().Select(e => e!)).ToList();

    private static async Task SetSinkAsync(TestSandbox sandbox, AbmEventReceiver receiver, int batchSize)
    {
        var (response, body) = await sandbox.SendAsync(HttpMethod.Put, $"/_sandbox/portals/{sandbox.Portal.PortalId}/event-sink", new { url = receiver.Url, apiKey = "abm-key", batchSize });
        response.IsSuccessStatusCode.ShouldBeTrue(body?.ToJsonString());
    }

    private static async Task<List<string>> CatalogueAsync(TestSandbox sandbox) =>
        JsonNode.Parse(await sandbox.Http.GetStringAsync($"/_sandbox/portals/{sandbox.Portal.PortalId}/market/content"))!["results"]!.AsArray()
            .Select(i => i!["externalId"]!.GetValue<string>()).ToList();
}
