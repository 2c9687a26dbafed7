using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Abm.Server.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.Webhooks;

/// <summary>A captured, correctly signed request sent again within its 5-minute window is acknowledged and ignored.</summary>
public sealed class WebhookReplayTests : IAsyncLifetime
{
    private WebhookPortal _portal = null!;

    public async Task InitializeAsync() => _portal = await WebhookPortal.StartAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Receive_SameSignedRequestFiveTimes_StoredOnceAndNoFurtherHubSpotCall()
    {
        var contact = (await _portal.CreateContactsAsync(1))[0];
        var body = WebhookPortal.Batch(_portal.PortalId, ("contact.propertyChange", contact, TimeProvider.System.GetUtcNow(), []));
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var client = _portal.Server.CreateClient();
        (await client.SendAsync(WebhookPortal.Signed(body, timestamp))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.WaitForAsync(async () => (await _portal.InboxAsync()).SingleOrDefault(b => b.Status == WebhookInboxStatus.Done), "the original delivery being applied");
        (await _portal.LocalStateAsync([contact])).ShouldNotBe([$"{contact}: gone"], "the original delivery is applied");
        await _portal.ClearCountersAsync();

        for (var replay = 0; replay < 4; replay++)
        {
            (await client.SendAsync(WebhookPortal.Signed(body, timestamp))).StatusCode.ShouldBe(HttpStatusCode.OK, "a replay is acknowledged like the original");
        }

        await _portal.DrainAsync();
        var stored = (await _portal.InboxAsync()).Where(b => b.Payload.Contains(contact, StringComparison.Ordinal)).ToList();
        stored.Count.ShouldBe(1);
        stored[0].Status.ShouldBe(WebhookInboxStatus.Done);
        (await _portal.Harness.CountAsync(WebhookPortal.BatchReadRoute)).ShouldBe(0);
        (await AllCallsAsync()).ShouldBe(0, "no HubSpot call of any kind for the replays");
    }

    [Fact]
    public async Task Receive_SameBodySignedAgainWithANewTimestamp_StoredAsANewDelivery()
    {
        var objectId = Random.Shared.NextInt64(1_000_000_000, 9_000_000_000).ToString(CultureInfo.InvariantCulture);
        var body = WebhookPortal.Batch(_portal.PortalId, ("contact.propertyChange", objectId, TimeProvider.System.GetUtcNow(), []));
        var client = _portal.Server.CreateClient();
        var first = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();

        (await client.SendAsync(WebhookPortal.Signed(body, first.ToString(CultureInfo.InvariantCulture)))).EnsureSuccessStatusCode();
        (await client.SendAsync(WebhookPortal.Signed(body, (first + 1).ToString(CultureInfo.InvariantCulture)))).EnsureSuccessStatusCode();

        (await _portal.InboxAsync()).Count(b => b.Payload.Contains(objectId, StringComparison.Ordinal)).ShouldBe(2, "HubSpot signs each retry anew; only an identical signature is a replay");
    }

    [Fact]
    public async Task Prune_KeysPastTheirWindow_DeletedAndTheirSignaturesAcceptedAgain()
    {
        var now = TimeProvider.System.GetUtcNow();
        var expired = new WebhookReplayKey([.. Enumerable.Repeat((byte)1, 32)], now.UtcDateTime.AddSeconds(-1));
        var current = new WebhookReplayKey([.. Enumerable.Repeat((byte)2, 32)], now.UtcDateTime.AddMinutes(4));
        await using var database = _portal.Server.OpenDatabase();
        var cache = new WebhookReplayCache(database, new ManualClock(now));
        (await cache.AddNewAsync([expired, current], CancellationToken.None)).Count.ShouldBe(2);
        (await cache.AddNewAsync([expired, current], CancellationToken.None)).ShouldBeEmpty("both are known now");

        (await cache.PruneAsync(CancellationToken.None)).ShouldBe(1);

        (await cache.AddNewAsync([expired, current], CancellationToken.None)).ShouldBe([Convert.ToHexString(expired.Hash)]);
        (await database.WebhookReplays.CountAsync()).ShouldBe(2);
    }

    private async Task<long> AllCallsAsync()
    {
        var counters = await _portal.HubSpot.GetFromJsonAsync<System.Text.Json.JsonElement>("/_sandbox/counters");
        return counters.GetProperty("total").GetInt64();
    }
}
