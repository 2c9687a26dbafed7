extern alias sandbox;

using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Features.Workspaces;
using Abm.Server.Features.WriteBack;
using Abm.Testing;
using Microsoft.EntityFrameworkCore;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Server.Tests;

/// <summary>Two server instances on one PostgreSQL database flush one outbox: every row reaches HubSpot exactly once.</summary>
public sealed class OutboxClaimTests : IAsyncLifetime, IDisposable
{
    private const int Records = 600;

    private SandboxHost _sandbox = null!;
    private AbmServerFactory _first = null!;
    private AbmServerFactory _second = null!;
    private HttpClient _hubSpot = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = 23, SimulateBehaviour = false, Portals = [new SandboxPortalOptions { Accounts = 120 }] });
        _hubSpot = new HttpClient { BaseAddress = new Uri(_sandbox.BaseUrl) };
        _hubSpot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _sandbox.Portals[0].AccessToken);
        Dictionary<string, string> settings = new()
        {
            ["HUBSPOT_API_KEY"] = _sandbox.Portals[0].AccessToken,
            ["HUBSPOT_BASE_URL"] = _sandbox.BaseUrl,
            ["HUBSPOT_PORTAL_ID"] = _sandbox.Portals[0].PortalId.ToString(CultureInfo.InvariantCulture),
            ["WriteBack:IntervalSeconds"] = "3600", // the test flushes by hand, on both instances at once
        };
        _first = await AbmServerFactory.StartAsync(settings);
        _second = AbmServerFactory.StartBeside(_first, settings);
        (await _first.OperatorClient().PostAsync("/api/hubspot/properties/provision", null)).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    public void Dispose() => _hubSpot.Dispose();

    [PostgresFact]
    public async Task Flush_TwoInstancesFlushingOneOutboxAtOnce_SendEveryRowExactlyOnce()
    {
        var ids = await OutboxTestData.SandboxContactIdsAsync(_hubSpot, Records);
        await OutboxTestData.QueueAsync(_first, _first.Service<DefaultWorkspace>().Id, ids);
        (await _hubSpot.DeleteAsync("/_sandbox/counters")).EnsureSuccessStatusCode();

        // Three passes at once on each instance: every pass races the five others for the same rows.
        var passes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i => { await Task.Yield(); return await OutboxTestData.FlushAsync(i % 2 == 0 ? _first : _second); }));

        passes.Sum(p => p.Sent).ShouldBe(Records);
        var writes = (await _hubSpot.GetFromJsonAsync<JsonElement>("/_sandbox/counters/writes")).GetProperty("results").EnumerateArray()
            .ToDictionary(w => w.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture), w => w.GetProperty("count").GetInt64());
        writes.Keys.ShouldBe(ids, ignoreOrder: true);
        writes.Where(w => w.Value != 1).ShouldBeEmpty("records written more than once");
        await using var database = _first.OpenDatabase();
        (await database.HubSpotOutbox.IgnoreQueryFilters().CountAsync(o => o.Status == OutboxStatus.Sent && o.Attempts == 1)).ShouldBe(Records);
    }
}
