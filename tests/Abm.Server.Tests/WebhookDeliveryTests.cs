extern alias sandbox;

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Features.Webhooks;
using Abm.Server.Tests.Webhooks;
using Microsoft.EntityFrameworkCore;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Server.Tests;

/// <summary>
/// The sandbox sends signed webhooks to the server over real HTTP; the server re-reads what they name. With
/// duplicated and reordered deliveries the local copy must end exactly where clean delivery leaves it:
/// at HubSpot's current state.
/// </summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime, IDisposable
{
    private SandboxHost _sandbox = null!;
    private AbmServerFactory _server = null!;
    private HttpClient _hubSpot = null!;

    public async Task InitializeAsync()
    {
        // The sandbox clock runs at real time: the server checks webhook timestamps against its own clock.
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = 17, SimulateBehaviour = false, Portals = [new SandboxPortalOptions { Accounts = 5 }] });
        _hubSpot = new HttpClient { BaseAddress = new Uri(_sandbox.BaseUrl) };
        _hubSpot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _sandbox.Portals[0].AccessToken);
        _server = await AbmServerFactory.StartOverHttpAsync(new()
        {
            ["HUBSPOT_API_KEY"] = _sandbox.Portals[0].AccessToken,
            ["HUBSPOT_BASE_URL"] = _sandbox.BaseUrl,
            ["HUBSPOT_PORTAL_ID"] = _sandbox.Portals[0].PortalId.ToString(CultureInfo.InvariantCulture),
            ["HUBSPOT_CLIENT_SECRET"] = _sandbox.ClientSecret,
            ["HubSpot:Webhooks:IntervalSeconds"] = "1",
            ["HubSpot:Retries:MaxRetryAttempts"] = "1",
            ["HubSpot:Retries:BaseDelay"] = "00:00:00.050",
        });
        var key = $"?hapikey={_sandbox.DeveloperApiKey}";
        var target = new Uri(_server.HttpAddress, WebhookEndpoints.Route).ToString();
        (await _hubSpot.PutAsJsonAsync($"/webhooks/v3/{_sandbox.AppId}/settings{key}", new { targetUrl = target })).EnsureSuccessStatusCode();
        foreach (var (eventType, property) in new[]
                 {
                     ("contact.creation", (string?)null), ("contact.propertyChange", "jobtitle"), ("contact.deletion", null), ("contact.merge", null),
                     ("company.creation", null), ("company.propertyChange", "name"),
                 })
        {
            var created = await _hubSpot.PostAsJsonAsync($"/webhooks/v3/{_sandbox.AppId}/subscriptions{key}", new { eventType, propertyName = property, active = true });
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    public void Dispose() => _hubSpot.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Deliver_ChangesInHubSpot_LocalCopyEndsAtHubSpotStateWithOrWithoutDuplicatesAndReordering(bool chaos)
    {
        if (chaos)
        {
            (await _hubSpot.PutAsJsonAsync("/_sandbox/webhooks/chaos", new { duplicateRate = 0.5, reorder = true, seed = 3 })).EnsureSuccessStatusCode();
        }

        var contacts = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            contacts.Add(await CreateAsync("contacts", new { email = $"hook{i}.{Guid.NewGuid():N}@example.com", jobtitle = "Analyst" }));
        }

        var company = await CreateAsync("companies", new { name = "Hooked Ltd" });
        foreach (var (id, title) in new[] { (contacts[0], "Director"), (contacts[1], "Engineer"), (contacts[0], "VP Marketing"), (contacts[2], "CFO") })
        {
            (await _hubSpot.PatchAsJsonAsync($"/crm/v3/objects/contacts/{id}", new { properties = new { jobtitle = title } })).EnsureSuccessStatusCode();
        }

        (await _hubSpot.PatchAsJsonAsync($"/crm/v3/objects/companies/{company}", new { properties = new { name = "Hooked Group" } })).EnsureSuccessStatusCode();
        (await _hubSpot.DeleteAsync($"/crm/v3/objects/contacts/{contacts[3]}")).EnsureSuccessStatusCode();
        (await _hubSpot.PostAsJsonAsync("/crm/v3/objects/contacts/merge", new { primaryObjectId = contacts[4], objectIdToMerge = contacts[5] })).EnsureSuccessStatusCode();

        var expected = await ContactStates.InHubSpotAsync(_hubSpot, contacts);
        // A request may still be in flight when the counts first agree, so the local state is part of the wait.
        await Eventually.WaitForAsync(async () => await SettledAsync() && (await ContactStates.LocalAsync(_server, contacts)).SequenceEqual(expected) ? "settled" : null,
            "every delivered batch being applied", 60);

        (await CompanyNameAsync(company)).ShouldBe("Hooked Group");
        var received = await ReceivedEventIdsAsync();
        if (chaos)
        {
            received.Count.ShouldBeGreaterThan(received.Distinct().Count(), "some events should have arrived twice");
        }
        else
        {
            received.Count.ShouldBe(received.Distinct().Count());
        }
    }

    /// <summary>Every request the sandbox delivered is stored, and every stored batch is applied.</summary>
    private async Task<bool> SettledAsync()
    {
        var log = await _hubSpot.GetFromJsonAsync<JsonElement>("/_sandbox/webhooks/deliveries");
        var delivered = log.GetProperty("results").EnumerateArray().Where(d => d.GetProperty("outcome").GetString() == "delivered")
            .Sum(d => d.GetProperty("eventCount").GetInt32());
        await using var database = _server.OpenDatabase();
        var statuses = await database.WebhookInbox.Select(b => b.Status).ToListAsync();
        return delivered > 0 && (await ReceivedEventIdsAsync()).Count == delivered && statuses.All(s => s == WebhookInboxStatus.Done);
    }

    private async Task<List<long>> ReceivedEventIdsAsync()
    {
        await using var database = _server.OpenDatabase();
        var payloads = await database.WebhookInbox.Select(b => b.Payload).ToListAsync();
        return [.. payloads.SelectMany(p => JsonDocument.Parse(p).RootElement.EnumerateArray().Select(e => e.GetProperty("eventId").GetInt64()).ToList())];
    }

    private async Task<string> CreateAsync(string objectType, object properties)
    {
        var response = await _hubSpot.PostAsJsonAsync($"/crm/v3/objects/{objectType}", new { properties });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<string?> CompanyNameAsync(string id)
    {
        await using var database = _server.OpenDatabase();
        return await database.Companies.IgnoreQueryFilters().Where(c => c.HubSpotId == id).Select(c => c.Name).SingleOrDefaultAsync();
    }
}
