using System.Net.Http.Json;
using System.Text.Json;
using Abm.Server.Features.Leads;
using Abm.Server.Tests.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Server.Tests.Leads;

/// <summary>A sync against the sandbox turns the portal's closed-won companies into ideal-client examples.</summary>
public sealed class ClosedWonExampleTests : IAsyncLifetime
{
    private SyncHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await SyncHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task FullSync_PortalWithWonDeals_EveryWonCompanyBecomesAnActiveClosedWonExample()
    {
        var run = await _harness.SyncAsync("full");

        run.GetProperty("status").GetString().ShouldBe("succeeded", run.ToString());
        await using var database = _harness.Server.OpenDatabase();
        var wonCompanies = await database.Deals.IgnoreQueryFilters()
            .Where(d => d.WorkspaceId == _harness.WorkspaceId && d.Stage == "closedwon" && d.CompanyId != null && d.ArchivedAt == null)
            .Select(d => d.CompanyId).Distinct().CountAsync();
        var examples = await database.IcpProfiles.IgnoreQueryFilters()
            .Where(p => p.WorkspaceId == _harness.WorkspaceId && p.Source == IcpStore.ClosedWonSource).ToListAsync();
        wonCompanies.ShouldBeGreaterThan(0);
        examples.Count.ShouldBe(wonCompanies);
        examples.ShouldAllBe(e => e.IsActive && e.Embedding != null && e.EmbeddingDimensions == 256);
    }

    [Fact]
    public async Task PushTasks_HighPriorityLeadsOfASyncedPortal_CreatesOneHighCallTaskPerLeadInHubSpotOnce()
    {
        (await _harness.SyncAsync("full")).GetProperty("status").GetString().ShouldBe("succeeded");
        var client = _harness.Server.OperatorClient();
        (await client.PutAsJsonAsync("/api/icp", new { criteria = new[] { new { name = "Everyone we sell to", industries = new[] { "technology", "financial_services", "healthcare", "manufacturing", "retail" } } } }))
            .StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var scored = await (await client.PostAsJsonAsync("/api/leads/score", new { all = true })).Content.ReadFromJsonAsync<LeadScoringSummary>();
        scored!.High.ShouldBeGreaterThan(0);
        var hubSpot = _harness.Server.Service<Abm.Server.Features.Connections.HubSpotClients>();

        var created = await LeadTestData.InWorkspaceAsync(_harness.Server, _harness.WorkspaceId, async services =>
            await services.GetRequiredService<LeadTaskPusher>().PushAsync(_harness.WorkspaceId, (await hubSpot.GetAsync(_harness.WorkspaceId, CancellationToken.None))!, CancellationToken.None));
        var again = await LeadTestData.InWorkspaceAsync(_harness.Server, _harness.WorkspaceId, async services =>
            await services.GetRequiredService<LeadTaskPusher>().PushAsync(_harness.WorkspaceId, (await hubSpot.GetAsync(_harness.WorkspaceId, CancellationToken.None))!, CancellationToken.None));

        created.ShouldBe(scored.High);
        again.ShouldBe(0);
        await using var database = _harness.Server.OpenDatabase();
        var tasks = await database.SalesTasks.IgnoreQueryFilters().Where(t => t.WorkspaceId == _harness.WorkspaceId).ToListAsync();
        tasks.Count.ShouldBe(scored.High);
        tasks.ShouldAllBe(t => t.HubSpotTaskId != null && t.SyncedAt != null);
        var task = await _harness.HubSpot.GetFromJsonAsync<JsonElement>($"/crm/v3/objects/tasks/{tasks[0].HubSpotTaskId}?properties=hs_task_priority,hs_task_type,hubspot_owner_id");
        task.GetProperty("properties").GetProperty("hs_task_priority").GetString().ShouldBe("HIGH");
        task.GetProperty("properties").GetProperty("hs_task_type").GetString().ShouldBe("CALL");
    }
}
