extern alias sandbox;

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Features.Connections;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Server.Tests;

/// <summary>The HubSpot clients of many workspaces send through one connection pool instead of one each.</summary>
public sealed class HubSpotHttpTests : IAsyncLifetime
{
    private const int Workspaces = 8;

    private SandboxHost _sandbox = null!;
    private AbmServerFactory _server = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            Seed = 31, SimulateBehaviour = false, Portals = [.. Enumerable.Range(0, Workspaces).Select(_ => new SandboxPortalOptions { Accounts = 1 })],
        });
        _server = await AbmServerFactory.StartAsync(new()
        {
            ["HUBSPOT_BASE_URL"] = _sandbox.BaseUrl,
            ["WriteBack:IntervalSeconds"] = "3600",
            ["Sync:IncrementalIntervalMinutes"] = "0",
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Clients_ManyConnectedWorkspaces_ShareOneConnectionPool()
    {
        using var admin = new HttpClient { BaseAddress = new Uri(_sandbox.BaseUrl) };
        foreach (var portal in _sandbox.Portals)
        {
            var workspace = await _server.CreateWorkspaceAsync($"Portal {portal.PortalId}");
            var connected = await _server.OperatorClient(workspace).PostAsJsonAsync(
                "/api/connections", new { accessToken = portal.AccessToken, portalId = portal.PortalId.ToString(CultureInfo.InvariantCulture) });
            connected.EnsureSuccessStatusCode();
        }

        var clients = await _server.Service<HubSpotClients>().ConnectedAsync(CancellationToken.None);
        (await admin.DeleteAsync("/_sandbox/counters")).EnsureSuccessStatusCode();
        foreach (var (_, client) in clients)
        {
            await client.Owners.ListPageAsync(pageSize: 1);
        }

        clients.Count.ShouldBe(Workspaces);
        var counters = await admin.GetFromJsonAsync<JsonElement>("/_sandbox/counters");
        counters.GetProperty("total").GetInt64().ShouldBe(Workspaces);
        // One after another, every call can reuse the first connection; one pool per client would open one each.
        counters.GetProperty("connections").GetInt32().ShouldBe(1);
    }
}
