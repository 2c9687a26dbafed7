extern alias sandbox;

using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Marketing.Email;
using Abm.Server.Features.Workspaces;
using Abm.Server.Tests.Nurture;
using Microsoft.Extensions.DependencyInjection;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Server.Tests.Marketing;

/// <summary>
/// A sandbox portal (buyers not simulated) and a server connected to it whose scheduled-send worker does not tick:
/// tests run due sends themselves. Local contacts are copies of the portal's contacts, each test taking fresh ones.
/// </summary>
public sealed class MarketingSandbox : IAsyncLifetime
{
    public const string EmailId = "710001";

    private List<(string Id, string Email)> _portalContacts = [];
    private int _taken;

    public SandboxHost Sandbox { get; private set; } = null!;

    public AbmServerFactory Server { get; private set; } = null!;

    public HttpClient HubSpot { get; private set; } = null!;

    public Guid Workspace { get; private set; }

    public long PortalId => Sandbox.Portals[0].PortalId;

    public async Task InitializeAsync()
    {
        Sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = 31, SimulateBehaviour = false, Portals = [new SandboxPortalOptions { Accounts = 40 }] });
        HubSpot = new HttpClient { BaseAddress = new Uri(Sandbox.BaseUrl) };
        HubSpot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Sandbox.Portals[0].AccessToken);
        Server = await AbmServerFactory.StartAsync(Settings(Sandbox));
        Workspace = Server.Service<DefaultWorkspace>().Id;
        var page = await HubSpot.GetFromJsonAsync<JsonElement>("/crm/v3/objects/contacts?limit=100&properties=email");
        _portalContacts = page.GetProperty("results").EnumerateArray()
            .Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("properties").GetProperty("email").GetString()!)).ToList();
    }

    public static Dictionary<string, string> Settings(SandboxHost sandbox) => new()
    {
        ["HUBSPOT_API_KEY"] = sandbox.Portals[0].AccessToken,
        ["HUBSPOT_BASE_URL"] = sandbox.BaseUrl,
        ["HUBSPOT_PORTAL_ID"] = sandbox.Portals[0].PortalId.ToString(CultureInfo.InvariantCulture),
        ["Marketing:SendIntervalSeconds"] = "0", // tests run due sends themselves
        ["Nurture:IntervalSeconds"] = "0",
        ["WriteBack:IntervalSeconds"] = "3600",
        ["Sync:IncrementalIntervalMinutes"] = "0",
    };

    public async Task DisposeAsync()
    {
        HubSpot.Dispose();
        await Server.DisposeAsync();
        await Sandbox.DisposeAsync();
    }

    /// <summary>A local contact that is one of the portal's contacts (same HubSpot id and email), not used by another test.</summary>
    public async Task<Contact> PortalContactAsync(string properties = "{}", Guid? companyId = null)
    {
        var (id, email) = _portalContacts[Interlocked.Increment(ref _taken) - 1];
        return await NurtureTestData.ContactAsync(Server, Workspace, email, properties, hubSpotId: id, companyId: companyId);
    }

    public HttpClient Marketer() => Server.OperatorClient();

    public async Task<Abm.HubSpot.HubSpotClient> ClientAsync() => (await Server.Service<HubSpotClients>().ConnectedAsync(CancellationToken.None)).Single().Client;

    /// <summary>Every marketing single send the portal accepted.</summary>
    public async Task<List<JsonElement>> SendsAsync() =>
        [.. (await HubSpot.GetFromJsonAsync<JsonElement>($"/_sandbox/portals/{PortalId}/marketing-emails/sends")).GetProperty("results").EnumerateArray()];

    /// <summary>A HubSpot list made through the API, with <paramref name="members"/> added.</summary>
    public async Task<string> ListAsync(params Contact[] members)
    {
        var created = await Marketer().PostAsJsonAsync("/api/hubspot/lists", new { name = $"List {Guid.NewGuid():N}" });
        created.EnsureSuccessStatusCode();
        var listId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("listId").GetString()!;
        if (members.Length > 0)
        {
            (await Marketer().PutAsJsonAsync($"/api/hubspot/lists/{listId}/memberships/add", new { contactIds = members.Select(m => m.Id) })).EnsureSuccessStatusCode();
        }

        return listId;
    }

    /// <summary>One pass of the workspace's due sends on <paramref name="server"/>, as its worker does it.</summary>
    internal static async Task<int> RunDueAsync(AbmServerFactory server, Guid workspace)
    {
        var client = (await server.Service<HubSpotClients>().ConnectedAsync(CancellationToken.None)).Single().Client;
        await using var scope = server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspace);
        return await scope.ServiceProvider.GetRequiredService<EmailSendRunner>().RunDueAsync(client, CancellationToken.None);
    }
}
