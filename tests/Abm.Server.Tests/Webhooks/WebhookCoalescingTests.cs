using System.Net.Http.Json;
using Abm.Server.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.Webhooks;

/// <summary>
/// Batches waiting together are applied together: their events are reduced to distinct records, so the HubSpot
/// reads follow the records touched, not the batches, and the local copy still ends at HubSpot's state.
/// </summary>
public sealed class WebhookCoalescingTests : IAsyncLifetime
{
    private WebhookPortal _portal = null!;

    public async Task InitializeAsync() => _portal = await WebhookPortal.StartAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Drain_FortyBatchesOnThirtyContactsWithDeletionsAndMerges_OneBatchReadAndHubSpotStateLocally()
    {
        var contacts = await _portal.CreateContactsAsync(30);
        var started = TimeProvider.System.GetUtcNow();
        var random = new Random(17);
        for (var i = 0; i < 10; i++)
        {
            var patched = await _portal.HubSpot.PatchAsJsonAsync($"/crm/v3/objects/contacts/{contacts[i]}", new { properties = new { jobtitle = $"Director {i}" } });
            patched.EnsureSuccessStatusCode();
        }

        foreach (var deleted in contacts[10..13])
        {
            (await _portal.HubSpot.DeleteAsync($"/crm/v3/objects/contacts/{deleted}")).EnsureSuccessStatusCode();
        }

        (await _portal.HubSpot.PostAsJsonAsync("/crm/v3/objects/contacts/merge", new { primaryObjectId = contacts[13], objectIdToMerge = contacts[14] })).EnsureSuccessStatusCode();
        // Each batch is newer than the one before, so none is skipped as already applied: only pooling saves reads.
        var batches = Enumerable.Range(0, 40).Select(b => WebhookPortal.Batch(_portal.PortalId, [.. Enumerable.Range(0, 25).Select(e =>
        {
            var at = started.AddSeconds(b).AddMilliseconds(e);
            var index = random.Next(contacts.Count);
            return index switch
            {
                >= 10 and < 13 => ("contact.deletion", contacts[index], at, Array.Empty<string>()),
                13 or 14 => ("contact.merge", contacts[13], at, new[] { contacts[14] }),
                _ => ("contact.propertyChange", contacts[index], at, Array.Empty<string>()),
            };
        })]));
        await _portal.StoreAsync(batches);
        await _portal.ClearCountersAsync();

        await _portal.DrainAsync();

        (await _portal.InboxAsync()).Select(b => b.Status).Distinct().ShouldBe([WebhookInboxStatus.Done]);
        (await _portal.Harness.CountAsync(WebhookPortal.BatchReadRoute)).ShouldBe(1, "30 distinct contacts fit one batch read");
        (await _portal.LocalStateAsync(contacts)).ShouldBe(await _portal.HubSpotStateAsync(contacts));
    }

    [Fact]
    public async Task Drain_PooledWithAWorkspaceThatCannotBeApplied_OnlyBatchesWithItsEventsBackOff()
    {
        var contacts = await _portal.CreateContactsAsync(3);
        var unconnected = Random.Shared.NextInt64(1_000_000, 9_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await _portal.Server.OperatorClient().PostAsJsonAsync("/api/workspaces", new { name = "Unconnected", hubSpotPortalId = unconnected })).EnsureSuccessStatusCode();
        var now = TimeProvider.System.GetUtcNow();
        var ids = await _portal.StoreAsync(
        [
            WebhookPortal.Batch(_portal.PortalId, ("contact.propertyChange", contacts[0], now, [])),
            WebhookPortal.Batch(unconnected, ("contact.propertyChange", "77", now, [])),
            WebhookPortal.Batch(_portal.PortalId, ("contact.propertyChange", contacts[1], now, []), ("contact.propertyChange", contacts[2], now, [])),
        ]);
        var mixed = WebhookPortal.Batch(_portal.PortalId, ("contact.creation", contacts[2], now.AddSeconds(1), []));
        ids.AddRange(await _portal.StoreAsync([mixed[..^1] + "," + WebhookPortal.Batch(unconnected, ("contact.creation", "78", now, []))[1..]]));

        await _portal.DrainAsync();

        var inbox = (await _portal.InboxAsync()).ToDictionary(b => b.Id);
        ids.Select(id => inbox[id].Status).ShouldBe([WebhookInboxStatus.Done, WebhookInboxStatus.Pending, WebhookInboxStatus.Done, WebhookInboxStatus.Pending]);
        inbox[ids[1]].Error!.ShouldContain("no usable HubSpot connection");
        inbox[ids[1]].NextAttemptAt.ShouldBeGreaterThan(TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(20), "the failed batch backs off");
        (await _portal.LocalStateAsync(contacts)).ShouldBe(await _portal.HubSpotStateAsync(contacts));
    }

    [Fact]
    public async Task Drain_ClaimOfAnInstanceThatDiedAfterApplying_ReclaimedAndSettledWithoutReReading()
    {
        var contacts = await _portal.CreateContactsAsync(5);
        var now = TimeProvider.System.GetUtcNow();
        var ids = await _portal.StoreAsync([.. contacts.Select((id, i) => WebhookPortal.Batch(_portal.PortalId, ("contact.propertyChange", id, now.AddSeconds(i), [])))]);
        await _portal.DrainAsync();
        // As if the instance had applied the records and died before settling: claimed, with its claim run out.
        await using (var database = _portal.Server.OpenDatabase())
        {
            var past = now.UtcDateTime.AddMinutes(-1);
            await database.WebhookInbox.Where(b => ids.Contains(b.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Status, WebhookInboxStatus.Processing).SetProperty(b => b.NextAttemptAt, past));
        }

        await _portal.ClearCountersAsync();

        await _portal.DrainAsync();

        (await _portal.InboxAsync()).Where(b => ids.Contains(b.Id)).Select(b => b.Status).Distinct().ShouldBe([WebhookInboxStatus.Done]);
        (await _portal.Harness.CountAsync(WebhookPortal.BatchReadRoute)).ShouldBe(0, "the records were re-read after these events already");
        (await _portal.LocalStateAsync(contacts)).ShouldBe(await _portal.HubSpotStateAsync(contacts));
    }
}
