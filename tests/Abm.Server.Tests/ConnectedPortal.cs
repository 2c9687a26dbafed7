extern alias sandbox;

using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Workspaces;
using Abm.Server.Tests.Nurture;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Server.Tests;

/// <summary>
/// A sandbox portal whose buyers are not simulated (so nothing but the engine acts) and a server whose default
/// workspace is connected to it, with the workers a test drives itself turned off. Local contacts are copies of the
/// portal's contacts, each test taking fresh ones. Fixtures of features that act on HubSpot are built on it.
/// </summary>
public sealed class ConnectedPortal : IAsyncDisposable
{
    private List<(string Id, string Email)> _portalContacts = [];
    private int _taken;

    private ConnectedPortal(SandboxHost sandbox, AbmServerFactory server, HttpClient hubSpot) => (Sandbox, Server, HubSpot) = (sandbox, server, hubSpot);

    public SandboxHost Sandbox { get; }

    public AbmServerFactory Server { get; }

    /// <summary>The portal's own API, with the portal's token.</summary>
    public HttpClient HubSpot { get; }

    public Guid Workspace => Server.Service<DefaultWorkspace>().Id;

    public long PortalId => Sandbox.Portals[0].PortalId;

    /// <param name="seed">The sandbox's seed.</param>
    /// <param name="accounts">The portal's target accounts.</param>
    /// <param name="settings">The server's settings for the sandbox (<see cref="Settings"/> and what the fixture adds).</param>
    public static async Task<ConnectedPortal> StartAsync(int seed, int accounts, Func<SandboxHost, Dictionary<string, string>> settings)
    {
        var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = seed, SimulateBehaviour = false, Portals = [new SandboxPortalOptions { Accounts = accounts }] });
        var hubSpot = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl) };
        hubSpot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.Portals[0].AccessToken);
        var portal = new ConnectedPortal(sandbox, await AbmServerFactory.StartAsync(settings(sandbox)), hubSpot);
        var page = await hubSpot.GetFromJsonAsync<JsonElement>("/crm/v3/objects/contacts?limit=100&properties=email");
        portal._portalContacts = [.. page.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("properties").GetProperty("email").GetString()!))];
        return portal;
    }

    /// <summary>The connection to the sandbox's first portal (as HUBSPOT_API_KEY), with write-back and sync left to the test, plus <paramref name="more"/>.</summary>
    public static Dictionary<string, string> Settings(SandboxHost sandbox, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["HUBSPOT_API_KEY"] = sandbox.Portals[0].AccessToken,
            ["HUBSPOT_BASE_URL"] = sandbox.BaseUrl,
            ["HUBSPOT_PORTAL_ID"] = sandbox.Portals[0].PortalId.ToString(CultureInfo.InvariantCulture),
            ["Nurture:IntervalSeconds"] = "0", // tests run every pass themselves
            ["WriteBack:IntervalSeconds"] = "3600",
            ["Sync:IncrementalIntervalMinutes"] = "0",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>A local contact that is one of the portal's contacts (same HubSpot id and email), not used by another test.</summary>
    public async Task<Contact> PortalContactAsync(string properties = "{}", Guid? companyId = null, string? ownerId = null)
    {
        var (id, email) = _portalContacts[Interlocked.Increment(ref _taken) - 1];
        return await NurtureTestData.ContactAsync(Server, Workspace, email, properties, hubSpotId: id, companyId: companyId, ownerId: ownerId);
    }

    /// <summary>The client of the server's one connected portal.</summary>
    public async Task<Abm.HubSpot.HubSpotClient> ClientAsync() => (await Server.Service<HubSpotClients>().ConnectedAsync(CancellationToken.None)).Single().Client;

    public async ValueTask DisposeAsync()
    {
        HubSpot.Dispose();
        await Server.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
