extern alias sandbox;

using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Marketing.Email;
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

    private ConnectedPortal _portal = null!;

    public SandboxHost Sandbox => _portal.Sandbox;

    public AbmServerFactory Server => _portal.Server;

    public HttpClient HubSpot => _portal.HubSpot;

    public Guid Workspace { get; private set; }

    public long PortalId => _portal.PortalId;

    public async Task InitializeAsync()
    {
        _portal = await ConnectedPortal.StartAsync(seed: 31, accounts: 40, Settings);
        Workspace = _portal.Workspace;
    }

    public static Dictionary<string, string> Settings(SandboxHost sandbox) =>
        ConnectedPortal.Settings(sandbox, ("Marketing:SendIntervalSeconds", "0")); // tests run due sends themselves

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    /// <summary>A local contact that is one of the portal's contacts (same HubSpot id and email), not used by another test.</summary>
    public Task<Contact> PortalContactAsync(string properties = "{}", Guid? companyId = null) => _portal.PortalContactAsync(properties, companyId);

    public HttpClient Marketer() => Server.OperatorClient();

    public Task<Abm.HubSpot.HubSpotClient> ClientAsync() => _portal.ClientAsync();

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
