using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.HubSpot.Webhooks;
using Abm.Server.Features.Webhooks;
using Abm.Server.Tests.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Abm.Server.Tests.Webhooks;

/// <summary>A server connected to a sandbox portal that accepts webhooks signed with a known secret, plus what webhook tests need around it.</summary>
internal sealed class WebhookPortal : IAsyncDisposable
{
    public const string Secret = "webhook-portal-test-secret";
    public const string PublicBaseUrl = "https://abm.example.com";
    public const string BatchReadRoute = "POST /crm/v3/objects/{type}/batch/read";

    private WebhookPortal(SyncHarness harness) => Harness = harness;

    public SyncHarness Harness { get; }

    public AbmServerFactory Server => Harness.Server;

    public HttpClient HubSpot => Harness.HubSpot;

    public string PortalId => Harness.PortalId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The worker polls only hourly: a test decides when batches are drained.</summary>
    public static async Task<WebhookPortal> StartAsync() => new(await SyncHarness.StartAsync(accounts: 2, settings: new()
    {
        ["HUBSPOT_CLIENT_SECRET"] = Secret,
        ["PUBLIC_BASE_URL"] = PublicBaseUrl,
        ["HubSpot:Webhooks:IntervalSeconds"] = "3600",
    }));

    /// <summary>Creates contacts in HubSpot and returns their ids.</summary>
    public async Task<List<string>> CreateContactsAsync(int count)
    {
        var inputs = Enumerable.Range(0, count).Select(i => new { properties = new { email = $"pool{i}.{Guid.NewGuid():N}@example.com", jobtitle = "Analyst" } });
        var response = await HubSpot.PostAsJsonAsync("/crm/v3/objects/contacts/batch/create", new { inputs });
        response.EnsureSuccessStatusCode();
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray();
        return [.. results.Select(r => r.GetProperty("id").GetString()!)];
    }

    /// <summary>A batch as HubSpot sends it: (type, objectId, occurredAt, merged ids) per event.</summary>
    public static string Batch(string portalId, params (string Type, string ObjectId, DateTimeOffset OccurredAt, string[] Merged)[] events) =>
        JsonSerializer.Serialize(events.Select((e, i) => new
        {
            eventId = Random.Shared.NextInt64(1, long.MaxValue), subscriptionId = 7, portalId = long.Parse(portalId, CultureInfo.InvariantCulture), appId = 1,
            occurredAt = e.OccurredAt.ToUnixTimeMilliseconds(), subscriptionType = e.Type, attemptNumber = 0,
            objectId = long.Parse(e.ObjectId, CultureInfo.InvariantCulture), changeSource = "CRM",
            mergedObjectIds = e.Merged.Select(id => long.Parse(id, CultureInfo.InvariantCulture)).ToArray(),
        }));

    /// <summary>A v3-signed request, as HubSpot signs it for the configured public address.</summary>
    public static HttpRequestMessage Signed(string body, string timestamp)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookEndpoints.Route) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-HubSpot-Signature-v3", WebhookSignature.V3(Secret, "POST", PublicBaseUrl + WebhookEndpoints.Route, Encoding.UTF8.GetBytes(body), timestamp));
        request.Headers.Add("X-HubSpot-Request-Timestamp", timestamp);
        return request;
    }

    /// <summary>Stores batches straight into the inbox, due now, as intake would have over time.</summary>
    public async Task<List<Guid>> StoreAsync(IEnumerable<string> payloads)
    {
        await using var database = Server.OpenDatabase();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var rows = payloads.Select(p => new WebhookInboxItem { Id = Guid.CreateVersion7(), Payload = p, Status = WebhookInboxStatus.Pending, ReceivedAt = now, NextAttemptAt = now }).ToList();
        database.WebhookInbox.AddRange(rows);
        await database.SaveChangesAsync();
        return [.. rows.Select(r => r.Id)];
    }

    /// <summary>One pass of the server's own worker, run here so the test knows when it is over.</summary>
    public Task DrainAsync() => Server.Services.GetServices<IHostedService>().OfType<WebhookWorker>().Single().DrainAsync(CancellationToken.None);

    public async Task<List<WebhookInboxItem>> InboxAsync()
    {
        await using var database = Server.OpenDatabase();
        return await database.WebhookInbox.AsNoTracking().ToListAsync();
    }

    public async Task ClearCountersAsync() => (await HubSpot.DeleteAsync("/_sandbox/counters")).EnsureSuccessStatusCode();

    public Task<List<string>> HubSpotStateAsync(IEnumerable<string> ids) => ContactStates.InHubSpotAsync(HubSpot, ids);

    public Task<List<string>> LocalStateAsync(IReadOnlyCollection<string> ids) => ContactStates.LocalAsync(Server, ids);

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
