extern alias sandbox;

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Features.Workspaces;
using Abm.Server.Tests.Nurture;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Server.Tests.Marketing;

/// <summary>An operator works on two portals through two workspaces: lists, campaigns and sends land in their own portal only.</summary>
public sealed class TwoPortalMarketingTests : IAsyncLifetime
{
    private SandboxHost _sandbox = null!;
    private AbmServerFactory _server = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = 37, SimulateBehaviour = false, Portals = [new SandboxPortalOptions { Accounts = 5 }, new SandboxPortalOptions { Accounts = 5 }] });
        _server = await AbmServerFactory.StartAsync(MarketingSandbox.Settings(_sandbox));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Operator_ListsCampaignsAndSendsInTwoWorkspaces_EachReachesOnlyItsOwnPortal()
    {
        var second = await _server.CreateWorkspaceAsync("Second portal");
        var (first, other) = (_server.OperatorClient(), _server.OperatorClient(second));
        (await other.PostAsJsonAsync("/api/connections", new { accessToken = _sandbox.Portals[1].AccessToken, portalId = _sandbox.Portals[1].PortalId.ToString(CultureInfo.InvariantCulture) }))
            .EnsureSuccessStatusCode();
        var name = $"Only second {Guid.NewGuid():N}";

        (await other.PostAsJsonAsync("/api/hubspot/lists", new { name })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await other.PostAsJsonAsync("/api/hubspot/campaigns", new { name })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var send = await SendInFirstWorkspaceAsync(first);

        (await ListCountAsync(_sandbox.Portals[1].AccessToken, name), await ListCountAsync(_sandbox.Portals[0].AccessToken, name)).ShouldBe((1, 0));
        (await CampaignCountAsync(other, name), await CampaignCountAsync(first, name)).ShouldBe((1, 0));
        (await other.GetAsync($"/api/hubspot/email/sends/{send}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await first.GetAsync($"/api/hubspot/email/sends/{send}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<Guid> SendInFirstWorkspaceAsync(HttpClient first)
    {
        using var hubSpot = PortalClient(_sandbox.Portals[0].AccessToken);
        var portalContact = (await hubSpot.GetFromJsonAsync<JsonElement>("/crm/v3/objects/contacts?limit=1&properties=email")).GetProperty("results")[0];
        var contact = await NurtureTestData.ContactAsync(_server, _server.Service<DefaultWorkspace>().Id,
            portalContact.GetProperty("properties").GetProperty("email").GetString(), hubSpotId: portalContact.GetProperty("id").GetString());
        var response = await first.PostAsJsonAsync("/api/hubspot/email/sends", new { emailId = MarketingSandbox.EmailId, contactId = contact.Id });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<int> ListCountAsync(string token, string name)
    {
        using var hubSpot = PortalClient(token);
        var found = await (await hubSpot.PostAsJsonAsync("/crm/v3/lists/search", new { query = name })).Content.ReadFromJsonAsync<JsonElement>();
        return found.GetProperty("total").GetInt32();
    }

    private static async Task<int> CampaignCountAsync(HttpClient client, string name) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/hubspot/campaigns?name={name}")).GetProperty("total").GetInt32();

    private HttpClient PortalClient(string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(_sandbox.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
