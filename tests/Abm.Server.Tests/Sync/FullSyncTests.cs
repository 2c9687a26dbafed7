using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Server.Tests.Sync;

/// <summary>Full sync against the sandbox over real HTTP: exact copies, resumption, and faults.</summary>
public sealed class FullSyncTests : IAsyncLifetime
{
    private const string ListRoute = "GET /crm/v3/objects/{type}";

    private SyncHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await SyncHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task FullSync_ThroughTheApi_LocalCopyEqualsThePortal()
    {
        var run = await _harness.SyncAsync("full");

        run.GetProperty("status").GetString().ShouldBe("succeeded", run.ToString());
        var portal = await PortalSnapshot.ReadPortalAsync(_harness.HubSpot);
        (await _harness.LocalAsync()).ShouldEqual(portal);
        portal.Contacts.Count.ShouldBeGreaterThan(300);
        run.GetProperty("records").GetInt32().ShouldBeGreaterThanOrEqualTo(portal.Contacts.Count + portal.Companies.Count + portal.Deals.Count);
        run.GetProperty("apiCalls").GetInt32().ShouldBeGreaterThan(0);
        run.GetProperty("rateLimited").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task FullSync_StoppedAtMaxContacts_ResumesAfterTheLastPageAndReadsNoFinishedPageAgain()
    {
        var portal = await PortalSnapshot.ReadPortalAsync(_harness.HubSpot);
        await _harness.HubSpot.DeleteAsync("/_sandbox/counters");

        var first = await _harness.SyncAsync("full", maxContacts: 150);
        var localAfterFirst = await _harness.LocalAsync();
        var second = await _harness.SyncAsync("full");

        first.GetProperty("status").GetString().ShouldBe("succeeded");
        localAfterFirst.Contacts.Count.ShouldBe(150);
        second.GetProperty("status").GetString().ShouldBe("succeeded", second.ToString());
        (await _harness.LocalAsync()).ShouldEqual(portal);
        // Owners are not a CRM objects route. Companies and deals are read once; contacts as 100 + 50, then the rest.
        var expectedPages = Pages(portal.Companies.Count) + 2 + Pages(portal.Contacts.Count - 150) + Pages(portal.Deals.Count);
        (await _harness.CountAsync(ListRoute)).ShouldBe(expectedPages);
    }

    [Fact]
    public async Task FullSync_UnderFaults_EndsWithTheExactPortal()
    {
        var portal = await PortalSnapshot.ReadPortalAsync(_harness.HubSpot);
        // 10% server errors, a 429 storm, slow answers, dropped connections and broken JSON, all at once.
        (await _harness.HubSpot.PostAsJsonAsync("/_sandbox/faults", new
        {
            portalId = _harness.PortalId, route = "GET /crm/v3/objects/*", seed = 5,
            errorRates = new Dictionary<string, double> { ["500"] = 0.10, ["429"] = 0.15, ["502"] = 0.02 },
            dropRate = 0.03, truncateRate = 0.03, malformedRate = 0.03,
        })).EnsureSuccessStatusCode();
        (await _harness.HubSpot.PostAsJsonAsync("/_sandbox/faults", new
        {
            portalId = _harness.PortalId, route = "GET /crm/v3/owners*", seed = 6, latencyMs = 2000,
        })).EnsureSuccessStatusCode();

        var run = await _harness.SyncAsync("full", timeoutSeconds: 240);

        run.GetProperty("status").GetString().ShouldBe("succeeded", run.ToString());
        run.GetProperty("rateLimited").GetInt32().ShouldBeGreaterThan(0);
        (await _harness.HubSpot.DeleteAsync("/_sandbox/faults")).EnsureSuccessStatusCode();
        (await _harness.LocalAsync()).ShouldEqual(portal);
    }

    [Fact]
    public async Task FullSync_AgainAfterDeletionsInHubSpot_ArchivesWhatThePortalNoLongerHas()
    {
        (await _harness.SyncAsync("full")).GetProperty("status").GetString().ShouldBe("succeeded");
        var page = await _harness.HubSpot.GetFromJsonAsync<JsonElement>("/crm/v3/objects/contacts?limit=3");
        foreach (var contact in page.GetProperty("results").EnumerateArray())
        {
            (await _harness.HubSpot.DeleteAsync($"/crm/v3/objects/contacts/{contact.GetProperty("id").GetString()}")).EnsureSuccessStatusCode();
        }

        (await _harness.SyncAsync("full")).GetProperty("status").GetString().ShouldBe("succeeded");

        var portal = await PortalSnapshot.ReadPortalAsync(_harness.HubSpot);
        (await _harness.LocalAsync()).ShouldEqual(portal);
    }

    [Fact]
    public async Task FullSync_CancelledMidRun_IsRecordedAsCancelledAndTheNextRunResumesWithoutRereadingAPage()
    {
        var portal = await PortalSnapshot.ReadPortalAsync(_harness.HubSpot);
        await _harness.HubSpot.DeleteAsync("/_sandbox/counters");
        using var stop = new CancellationTokenSource();
        var client = (await _harness.Server.Service<HubSpotClients>().GetAsync(_harness.WorkspaceId, CancellationToken.None))!;
        var run = new SyncRun { Id = Guid.CreateVersion7(), WorkspaceId = _harness.WorkspaceId, Kind = "full", Trigger = "cli", StartedAt = DateTime.UnixEpoch };

        await using (var scope = _harness.Server.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(_harness.WorkspaceId);
            var runner = scope.ServiceProvider.GetRequiredService<SyncRunner>();
            var cancelAtThirdContactPage = new StopAfter(3, SyncedObjects.Contacts, stop);
            await Should.ThrowAsync<OperationCanceledException>(() => runner.RunAsync(client, run, cancelAtThirdContactPage, stop.Token));
        }

        await using (var database = _harness.Server.OpenDatabase())
        {
            (await database.SyncRuns.IgnoreQueryFilters().SingleAsync(r => r.Id == run.Id)).Status.ShouldBe("cancelled");
        }

        (await _harness.SyncAsync("full")).GetProperty("status").GetString().ShouldBe("succeeded");
        (await _harness.LocalAsync()).ShouldEqual(portal);
        // Every page once, plus at most the page read ahead when the run stopped (never written, so read again).
        var expected = Pages(portal.Companies.Count) + Pages(portal.Contacts.Count) + Pages(portal.Deals.Count);
        (await _harness.CountAsync(ListRoute)).ShouldBeInRange(expected, expected + 1);
    }

    /// <summary>Cancels the run once it has applied <paramref name="pages"/> pages of one object type.</summary>
    private sealed class StopAfter(int pages, string objectType, CancellationTokenSource stop) : IProgress<SyncPageDone>
    {
        private int _seen;

        public void Report(SyncPageDone value)
        {
            if (value.ObjectType == objectType && ++_seen == pages)
            {
                stop.Cancel();
            }
        }
    }

    private static long Pages(int records) => (records + 99) / 100;
}
