extern alias sandbox;

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Features.Workspaces;
using Abm.Server.Features.WriteBack;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Server.Tests;

/// <summary>Write-back that cannot fail unseen: properties provisioned on connecting, failures logged, shown by the API and by readiness.</summary>
public sealed class WriteBackVisibilityTests : IAsyncLifetime, IDisposable
{
    private const string MissingProperty = "abm_property_hubspot_does_not_have";

    private SandboxHost _sandbox = null!;
    private AbmServerFactory _server = null!;
    private HttpClient _hubSpot = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            Seed = 41, SimulateBehaviour = false, Portals = [new SandboxPortalOptions { Accounts = 40 }, new SandboxPortalOptions { Accounts = 1 }],
        });
        _hubSpot = new HttpClient { BaseAddress = new Uri(_sandbox.BaseUrl) };
        _hubSpot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _sandbox.Portals[0].AccessToken);
        _server = await AbmServerFactory.StartAsync(new()
        {
            ["HUBSPOT_API_KEY"] = _sandbox.Portals[0].AccessToken,
            ["HUBSPOT_BASE_URL"] = _sandbox.BaseUrl,
            ["HUBSPOT_PORTAL_ID"] = _sandbox.Portals[0].PortalId.ToString(CultureInfo.InvariantCulture),
            ["WriteBack:IntervalSeconds"] = "3600", // the test flushes by hand
            ["HubSpot:Retries:MaxRetryAttempts"] = "1",
            ["HubSpot:Retries:BaseDelay"] = "00:00:00.020",
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    public void Dispose() => _hubSpot.Dispose();

    [Fact]
    public async Task Connect_PortalWithoutAbmProperties_CreatesThemAndAgainIsHarmless()
    {
        var portal = _sandbox.Portals[1];
        using var hubSpot = new HttpClient { BaseAddress = new Uri(_sandbox.BaseUrl) };
        hubSpot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", portal.AccessToken);
        (await hubSpot.GetAsync("/crm/v3/properties/contacts/abm_journey_stage")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var admin = _server.OperatorClient(await _server.CreateWorkspaceAsync("Fresh portal"));
        var request = new { accessToken = portal.AccessToken, portalId = portal.PortalId.ToString(CultureInfo.InvariantCulture) };

        (await admin.PostAsJsonAsync("/api/connections", request)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/connections", request)).EnsureSuccessStatusCode();

        (await hubSpot.GetAsync("/crm/v3/properties/contacts/abm_journey_stage")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await hubSpot.GetAsync("/crm/v3/properties/companies/abm_account_tier")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var group = await hubSpot.GetFromJsonAsync<JsonElement>("/crm/v3/properties/contacts");
        group.GetProperty("results").EnumerateArray().Count(p => p.GetProperty("name").GetString() == "abm_journey_stage").ShouldBe(1);
    }

    [Fact]
    public async Task Flush_EnvironmentPortalWithoutAbmProperties_ProvisionsThemFirstAndSends()
    {
        var ids = await OutboxTestData.SandboxContactIdsAsync(_hubSpot, 3);
        await OutboxTestData.QueueAsync(_server, _server.Service<DefaultWorkspace>().Id, ids);

        var summary = await FlushAsync();

        summary.Sent.ShouldBe(3);
        var contact = await _hubSpot.GetFromJsonAsync<JsonElement>($"/crm/v3/objects/contacts/{ids[2]}?properties=abm_content_engagement_score");
        contact.GetProperty("properties").GetProperty("abm_content_engagement_score").GetString().ShouldBe("2");
    }

    [Fact]
    public async Task Flush_HubSpotRefusesAProperty_OneWarningPerCallTheReasonInTheStatusAndReadinessDegraded()
    {
        var ids = await OutboxTestData.SandboxContactIdsAsync(_hubSpot, 150);
        await OutboxTestData.QueueAsync(_server, _server.Service<DefaultWorkspace>().Id, ids, property: MissingProperty);
        (await ReadyAsync()).GetProperty("status").GetString().ShouldBe("Healthy");

        var summary = await FlushAsync();

        summary.Retrying.ShouldBe(150);
        var warnings = _server.Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains(MissingProperty, StringComparison.Ordinal)).ToList();
        warnings.Count.ShouldBeInRange(1, summary.Calls, "a warning per refused call, naming the reason, never one per row");
        var status = await _server.OperatorClient().GetFromJsonAsync<JsonElement>("/api/writeback/status");
        status.GetProperty("depth").GetInt32().ShouldBe(150);
        status.GetProperty("pending").GetInt32().ShouldBe(150);
        status.GetProperty("failing").GetInt32().ShouldBe(150);
        status.GetProperty("oldestPendingAgeSeconds").GetDouble().ShouldBeGreaterThanOrEqualTo(0);
        var failure = status.GetProperty("failures").EnumerateArray().ShouldHaveSingleItem();
        failure.GetProperty("reason").GetString()!.ShouldContain(MissingProperty);
        failure.GetProperty("count").GetInt32().ShouldBe(150);
        failure.GetProperty("maxAttempts").GetInt32().ShouldBe(1);
        var ready = await ReadyAsync();
        ready.GetProperty("status").GetString().ShouldBe("Degraded");
        ready.GetProperty("checks").GetProperty("writeback").GetProperty("description").GetString()!.ShouldContain(MissingProperty);

        // Another workspace's key sees its own, empty outbox.
        var (other, _) = await _server.MarketerInNewWorkspaceAsync();
        var theirs = await other.GetFromJsonAsync<JsonElement>("/api/writeback/status");
        theirs.GetProperty("depth").GetInt32().ShouldBe(0);
        theirs.GetProperty("failures").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task OpenApi_WriteBackStatus_IsDescribedWithCamelCaseNames()
    {
        var document = await _server.CreateClient().GetStringAsync("/openapi/v1.json");

        document.ShouldContain("\"/api/writeback/status\"");
        document.ShouldContain("\"oldestPendingAgeSeconds\"");
        document.ShouldContain("\"maxAttempts\"");
        document.ShouldNotContain("\"OldestPendingAgeSeconds\"", Case.Sensitive);
    }

    private async Task<JsonElement> ReadyAsync() => await (await _server.CreateClient().GetAsync("/health/ready")).Content.ReadFromJsonAsync<JsonElement>();

    private Task<FlushSummary> FlushAsync() => OutboxTestData.FlushAsync(_server);
}
