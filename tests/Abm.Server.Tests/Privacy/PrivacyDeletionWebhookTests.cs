using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Features.Webhooks;
using Abm.Server.Tests.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Tests.Privacy;

/// <summary>
/// HubSpot's <c>contact.privacyDeletion</c> webhook, signed as HubSpot signs it: the contact is erased here as an admin's
/// erasure would (audited as from the webhook), and a later <c>contact.creation</c> for the same record, which HubSpot
/// still lists in this test, does not bring it back.
/// </summary>
public sealed class PrivacyDeletionWebhookTests : IAsyncLifetime
{
    private WebhookPortal _portal = null!;

    public async Task InitializeAsync() => _portal = await WebhookPortal.StartAsync();

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task PrivacyDeletion_SignedWebhook_ErasesTheContactAndALaterCreationDoesNotRecreateIt()
    {
        var contacts = await _portal.CreateContactsAsync(2);
        (await _portal.Harness.SyncAsync("full")).GetProperty("status").GetString().ShouldBe("succeeded");
        (await _portal.LocalStateAsync(contacts)).ShouldNotContain(s => s.EndsWith(": gone", StringComparison.Ordinal), "both are synced before the test");
        var erasedId = await LocalIdAsync(contacts[0]);
        var now = TimeProvider.System.GetUtcNow();

        await SendAsync(WebhookPortal.Batch(_portal.PortalId, ("contact.privacyDeletion", contacts[0], now, [])));
        await AppliedAsync();

        (await _portal.LocalStateAsync(contacts)).ShouldBe([$"{contacts[0]}: gone", .. (await _portal.HubSpotStateAsync([contacts[1]]))]);
        await using (var database = _portal.Server.OpenDatabase())
        {
            (await database.Contacts.IgnoreQueryFilters().CountAsync(c => c.HubSpotId == contacts[0])).ShouldBe(0, "erased, not archived");
            var entry = await database.AuditLog.IgnoreQueryFilters().SingleAsync(a => a.Action == "contact.erased" && a.EntityId == erasedId.ToString());
            (entry.Actor, entry.Source).ShouldBe(("hubspot", "webhook"));
        }

        await SendAsync(WebhookPortal.Batch(_portal.PortalId, ("contact.creation", contacts[0], now.AddSeconds(5), []), ("contact.propertyChange", contacts[1], now.AddSeconds(5), [])));
        await AppliedAsync();

        await using var after = _portal.Server.OpenDatabase();
        (await after.Contacts.IgnoreQueryFilters().CountAsync(c => c.HubSpotId == contacts[0])).ShouldBe(0, "the tombstone keeps the re-read out");
        (await after.WebhookRecordMarks.IgnoreQueryFilters().CountAsync(m => m.HubSpotId == contacts[0])).ShouldBe(0, "an erased contact is not re-read, so not marked");
        (await after.Contacts.IgnoreQueryFilters().CountAsync(c => c.HubSpotId == contacts[1])).ShouldBe(1);
        var audit = await _portal.Server.OperatorClient().GetFromJsonAsync<JsonElement>($"/api/audit?action=contact.erased&entityId={erasedId}");
        audit.GetProperty("items")[0].GetProperty("source").GetString().ShouldBe("webhook");
    }

    /// <summary>Intake wakes the server's worker, which may be applying already: drained here, then waited for until every batch is done.</summary>
    private async Task AppliedAsync()
    {
        await _portal.DrainAsync();
        await Eventually.WaitForAsync(async () => (await _portal.InboxAsync()).All(b => b.Status == WebhookInboxStatus.Done) ? "done" : null, "every webhook batch applied");
    }

    private async Task SendAsync(string body)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        (await _portal.Server.CreateClient().SendAsync(WebhookPortal.Signed(body, timestamp))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<Guid> LocalIdAsync(string hubSpotId)
    {
        await using var database = _portal.Server.OpenDatabase();
        return await database.Contacts.IgnoreQueryFilters().Where(c => c.HubSpotId == hubSpotId).Select(c => c.Id).SingleAsync();
    }
}
