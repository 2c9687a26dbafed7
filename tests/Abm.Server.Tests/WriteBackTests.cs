extern alias sandbox;

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;
using sandbox::Abm.HubSpot.Sandbox.Hosting;
using Abm.Server.Features.Access;
using Abm.Server.Features.Workspaces;
using Abm.Server.Features.Connections;
using Abm.Server.Features.WriteBack;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Server.Tests;

/// <summary>The outbox flushed to the HubSpot sandbox over real HTTP, through the typed client.</summary>
public sealed class WriteBackTests : IAsyncLifetime, IDisposable
{
    private SandboxHost _sandbox = null!;
    private AbmServerFactory _server = null!;
    private HttpClient _hubSpot = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = 11, SimulateBehaviour = false, Portals = [new SandboxPortalOptions { Accounts = 40 }] });
        _hubSpot = new HttpClient { BaseAddress = new Uri(_sandbox.BaseUrl) };
        _hubSpot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _sandbox.Portals[0].AccessToken);
        _server = await AbmServerFactory.StartAsync(new()
        {
            ["HUBSPOT_API_KEY"] = _sandbox.Portals[0].AccessToken,
            ["HUBSPOT_BASE_URL"] = _sandbox.BaseUrl,
            ["HUBSPOT_PORTAL_ID"] = _sandbox.Portals[0].PortalId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["WriteBack:IntervalSeconds"] = "3600", // the test flushes by hand
            ["HubSpot:Retries:MaxRetryAttempts"] = "1",
            ["HubSpot:Retries:BaseDelay"] = "00:00:00.050",
        });
        var provisioned = await _server.OperatorClient().PostAsync("/api/hubspot/properties/provision", null);
        provisioned.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await provisioned.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    public void Dispose() => _hubSpot.Dispose();

    [Fact]
    public async Task Flush_151Rows_Uses2BatchCallsWritesValuesAndDropsTheDeletedRecord()
    {
        var ids = await SandboxContactIdsAsync(150);
        await QueueAsync([.. ids, "999999999999"]);
        await _hubSpot.DeleteAsync("/_sandbox/counters");

        var summary = await FlushAsync();

        summary.ShouldBe(new FlushSummary(Calls: 2, Sent: 150, Retrying: 0, Dropped: 1));
        var counters = await _hubSpot.GetFromJsonAsync<JsonElement>("/_sandbox/counters");
        counters.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("route").GetString()!.Contains("batch/update", StringComparison.Ordinal))
            .Sum(r => r.GetProperty("count").GetInt64()).ShouldBe(2);
        var contact = await _hubSpot.GetFromJsonAsync<JsonElement>($"/crm/v3/objects/contacts/{ids[7]}?properties=abm_content_engagement_score,abm_journey_stage");
        contact.GetProperty("properties").GetProperty("abm_content_engagement_score").GetString().ShouldBe("7");
        contact.GetProperty("properties").GetProperty("abm_journey_stage").GetString().ShouldBe("vendor_evaluation");
        var rows = await Outbox();
        rows.Count(r => r.Status == OutboxStatus.Sent).ShouldBe(150);
        rows.Single(r => r.HubSpotId == "999999999999").Status.ShouldBe(OutboxStatus.Dropped);
    }

    [Fact]
    public async Task Provision_Twice_CreatesEveryPropertyOnceThenReportsThemPresent()
    {
        var again = await _server.OperatorClient().PostAsync("/api/hubspot/properties/provision", null);

        var report = await again.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("contacts").GetProperty("created").GetArrayLength().ShouldBe(0);
        report.GetProperty("contacts").GetProperty("alreadyPresent").EnumerateArray().Select(p => p.GetString())
            .ShouldBe(Abm.Server.Features.Provisioning.AbmPropertyCatalog.Contacts.Select(p => p.Name), ignoreOrder: true);
        var property = await _hubSpot.GetFromJsonAsync<JsonElement>("/crm/v3/properties/contacts/abm_journey_stage");
        property.GetProperty("groupName").GetString().ShouldBe("abm_engine");
        property.GetProperty("options").GetArrayLength().ShouldBe(5);
    }

    [Fact]
    public async Task Flush_HubSpotDown_KeepsEveryRowForLaterAndSendsThemWhenItRecovers()
    {
        var ids = await SandboxContactIdsAsync(30);
        await QueueAsync(ids);
        var fault = await _hubSpot.PostAsJsonAsync("/_sandbox/faults", new { route = "POST /crm/v3/objects/*/batch/update", errorRates = new Dictionary<string, double> { ["503"] = 1.0 } });
        fault.EnsureSuccessStatusCode();

        var failed = await FlushAsync();

        failed.Retrying.ShouldBe(30);
        var waiting = await Outbox();
        waiting.ShouldAllBe(r => r.Status == OutboxStatus.Pending && r.Attempts == 1 && r.Error != null);
        waiting.ShouldAllBe(r => r.NextAttemptAt > TimeProvider.System.GetUtcNow().UtcDateTime);

        (await _hubSpot.DeleteAsync("/_sandbox/faults")).EnsureSuccessStatusCode();
        await using (var database = _server.OpenDatabase())
        {
            await database.HubSpotOutbox.IgnoreQueryFilters().ExecuteUpdateAsync(s => s.SetProperty(o => o.NextAttemptAt, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        }

        var recovered = await FlushAsync();

        recovered.Sent.ShouldBe(30);
        (await Outbox()).ShouldAllBe(r => r.Status == OutboxStatus.Sent && r.SentAt != null);
    }

    [Fact]
    public async Task Flush_RecordsRefusedWhileTimeRunsPastTheirBackOff_AreTriedOncePerPass()
    {
        var ids = await SandboxContactIdsAsync(250);
        await QueueAsync(ids, property: "abm_property_hubspot_does_not_have");
        var (workspaceId, client) = (await _server.Service<HubSpotClients>().ConnectedAsync(CancellationToken.None)).Single();
        await using var scope = _server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
        // Every reading of the clock is ten minutes later, so each refused row is due again long before the pass ends.
        var flusher = new OutboxFlusher(
            scope.ServiceProvider.GetRequiredService<Abm.Data.AbmDbContext>(), _server.Service<Abm.Server.Features.Provisioning.PortalProvisioning>(),
            scope.ServiceProvider.GetRequiredService<Abm.Server.Features.Privacy.ProfilingConsent>(), new RacingClock(TimeProvider.System.GetUtcNow(), TimeSpan.FromMinutes(10)),
            Microsoft.Extensions.Options.Options.Create(new WriteBackOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<OutboxFlusher>.Instance);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var summary = await flusher.FlushAsync(client, deadline.Token);

        summary.ShouldBe(new FlushSummary(Calls: 3, Sent: 0, Retrying: 250, Dropped: 0));
        (await Outbox()).ShouldAllBe(r => r.Status == OutboxStatus.Pending && r.Attempts == 1);
    }

    private Task<FlushSummary> FlushAsync() => OutboxTestData.FlushAsync(_server);

    private Task<List<Guid>> QueueAsync(IReadOnlyList<string> hubSpotIds, string property = "abm_content_engagement_score") =>
        OutboxTestData.QueueAsync(_server, _server.Service<DefaultWorkspace>().Id, hubSpotIds, property, new Dictionary<string, string> { ["abm_journey_stage"] = "vendor_evaluation" });

    private async Task<List<HubSpotOutboxItem>> Outbox()
    {
        await using var database = _server.OpenDatabase();
        return await database.HubSpotOutbox.IgnoreQueryFilters().AsNoTracking().ToListAsync();
    }

    private Task<List<string>> SandboxContactIdsAsync(int count) => OutboxTestData.SandboxContactIdsAsync(_hubSpot, count);

    /// <summary>A clock that moves on by <paramref name="step"/> every time it is read.</summary>
    private sealed class RacingClock(DateTimeOffset start, TimeSpan step) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now += step;
    }
}
