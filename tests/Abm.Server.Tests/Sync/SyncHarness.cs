extern alias sandbox;

using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Features.Workspaces;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Server.Tests.Sync;

/// <summary>A seeded sandbox portal and a server connected to it through the environment, as an operator sets it up.</summary>
internal sealed class SyncHarness : IAsyncDisposable
{
    private SyncHarness(SandboxHost sandbox, AbmServerFactory server, HttpClient hubSpot)
    {
        Sandbox = sandbox;
        Server = server;
        HubSpot = hubSpot;
    }

    public SandboxHost Sandbox { get; }

    public AbmServerFactory Server { get; }

    /// <summary>The portal's API with its private-app token, plus the admin routes.</summary>
    public HttpClient HubSpot { get; }

    public long PortalId => Sandbox.Portals[0].PortalId;

    public Guid WorkspaceId => Server.Service<DefaultWorkspace>().Id;

    /// <summary>Starts the sandbox (seed 21, buyers still) and a server connected to its portal.</summary>
    /// <param name="accounts">Companies the portal is seeded with.</param>
    /// <param name="settings">Server settings added to (or overriding) the harness's own.</param>
    /// <param name="privateAppScopes">What the portal's private-app token is granted; every scope by default.</param>
    /// <param name="portalClockStart">Where the portal's clock starts (it runs at real speed); now by default.</param>
    /// <param name="services">Extra registrations after the server's own (a fault injector around the database, say).</param>
    /// <param name="portals">Portals the sandbox hosts; the server's default workspace is connected to the first.</param>
    public static async Task<SyncHarness> StartAsync(
        int accounts = 30, Dictionary<string, string>? settings = null, IReadOnlyCollection<string>? privateAppScopes = null, DateTimeOffset? portalClockStart = null,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null, int portals = 1)
    {
        var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            Seed = 21,
            ClockStart = portalClockStart,
            SimulateBehaviour = false,
            Portals = [.. Enumerable.Range(0, portals).Select(_ => new SandboxPortalOptions { Accounts = accounts, PrivateAppScopes = privateAppScopes })],
        });
        var hubSpot = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl) };
        hubSpot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.Portals[0].AccessToken);
        var all = new Dictionary<string, string>
        {
            ["HUBSPOT_API_KEY"] = sandbox.Portals[0].AccessToken,
            ["HUBSPOT_BASE_URL"] = sandbox.BaseUrl,
            ["HUBSPOT_PORTAL_ID"] = sandbox.Portals[0].PortalId.ToString(CultureInfo.InvariantCulture),
            ["Sync:IncrementalIntervalMinutes"] = "0", // tests ask for every run
            ["Sync:SearchVisibilityMarginSeconds"] = "0",
            ["WriteBack:IntervalSeconds"] = "3600",
            ["HubSpot:Retries:BaseDelay"] = "00:00:00.020",
            ["HubSpot:Retries:MaxRetryAttempts"] = "8",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return new SyncHarness(sandbox, await AbmServerFactory.StartAsync(all, services), hubSpot);
    }

    /// <summary>Queues a run through the API and waits until it ends.</summary>
    public async Task<JsonElement> SyncAsync(string syncType = "full", int? maxContacts = null, int timeoutSeconds = 120)
    {
        var response = await Server.OperatorClient().PostAsJsonAsync("/api/sync", new Dictionary<string, object?> { ["sync_type"] = syncType, ["max_contacts"] = maxContacts });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        try
        {
            return await Eventually.WaitForValueAsync<JsonElement>(
                async () =>
                {
                    var run = await Server.OperatorClient().GetFromJsonAsync<JsonElement>($"/api/sync/runs/{id}");
                    return run.GetProperty("status").GetString() is "queued" or "running" ? null : run;
                },
                "the sync run",
                timeoutSeconds);
        }
        catch (TimeoutException timeout)
        {
            // What the server said about it is what tells a slow machine from a stuck worker.
            var last = await Server.OperatorClient().GetStringAsync($"/api/sync/runs/{id}");
            var complaints = Server.Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
            throw new TimeoutException($"{timeout.Message} Last seen: {last}. Server warnings and errors:\n{string.Join('\n', complaints.TakeLast(20))}", timeout);
        }
    }

    public async Task<PortalSnapshot> LocalAsync()
    {
        await using var database = Server.OpenDatabase();
        return await PortalSnapshot.ReadLocalAsync(database, WorkspaceId);
    }

    /// <summary>Requests the portal answered, by route pattern (all statuses), since the counters were last cleared.</summary>
    public async Task<long> CountAsync(string route)
    {
        var counters = await HubSpot.GetFromJsonAsync<JsonElement>("/_sandbox/counters");
        return counters.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("route").GetString() == route).Sum(r => r.GetProperty("count").GetInt64());
    }

    public async ValueTask DisposeAsync()
    {
        HubSpot.Dispose();
        await Server.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
