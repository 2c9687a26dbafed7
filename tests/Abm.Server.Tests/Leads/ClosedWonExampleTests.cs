using Abm.Server.Features.Leads;
using Abm.Server.Tests.Sync;
using Microsoft.EntityFrameworkCore;

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
}
