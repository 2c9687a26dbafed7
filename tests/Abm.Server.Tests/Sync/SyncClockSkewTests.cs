using System.Net.Http.Json;
using System.Text.Json;

namespace Abm.Server.Tests.Sync;

/// <summary>
/// Incremental sync against a portal whose clock is far from the server's: the watermark follows HubSpot's own
/// modification stamps, so a lagging portal loses no change and a portal ahead is not read again in full.
/// </summary>
public sealed class SyncClockSkewTests
{
    [Fact]
    public async Task IncrementalSync_PortalClockBehindOurs_ReadsEveryDealThatMoved()
    {
        await using var harness = await SyncHarness.StartAsync(accounts: 6, portalClockStart: TimeProvider.System.GetUtcNow().AddDays(-21));
        (await harness.SyncAsync("full")).GetProperty("status").GetString().ShouldBe("succeeded");

        var moved = await MoveDealsAsync(harness);
        var run = await harness.SyncAsync("incremental");

        run.GetProperty("status").GetString().ShouldBe("succeeded", run.ToString());
        moved.ShouldBeGreaterThan(0);
        (await harness.LocalAsync()).ShouldEqual(await PortalSnapshot.ReadPortalAsync(harness.HubSpot));
    }

    [Fact]
    public async Task IncrementalSync_PortalClockAheadOfOurs_ReadsOnlyWhatChanged()
    {
        await using var harness = await SyncHarness.StartAsync(accounts: 6, portalClockStart: TimeProvider.System.GetUtcNow().AddDays(21));
        (await harness.SyncAsync("full")).GetProperty("status").GetString().ShouldBe("succeeded");

        var moved = await MoveDealsAsync(harness);
        var first = await harness.SyncAsync("incremental");
        var second = await harness.SyncAsync("incremental");

        first.GetProperty("status").GetString().ShouldBe("succeeded", first.ToString());
        (await harness.LocalAsync()).ShouldEqual(await PortalSnapshot.ReadPortalAsync(harness.HubSpot));
        // Owners in full (8) and the deals that moved, plus at most the newest record of each type, which sits at
        // the watermark and is read again; the portal's other records were not. The watermark stays the visibility
        // margin (60 s of HubSpot's clock) behind the newest stamp, so the second run may read the moved deals
        // again (they were all stamped within a second), but nothing older.
        first.GetProperty("records").GetInt32().ShouldBeLessThanOrEqualTo(8 + moved + 3, first.ToString());
        second.GetProperty("records").GetInt32().ShouldBeLessThanOrEqualTo(8 + moved + 3, second.ToString());
    }

    /// <summary>Moves every other deal of the portal to another stage, as a sales team would after the full pass.</summary>
    private static async Task<int> MoveDealsAsync(SyncHarness harness)
    {
        var deals = await harness.HubSpot.GetFromJsonAsync<JsonElement>("/crm/v3/objects/deals?limit=100&properties=dealstage");
        var moved = 0;
        foreach (var deal in deals.GetProperty("results").EnumerateArray().Where((_, i) => i % 2 == 0))
        {
            var stage = deal.GetProperty("properties").GetProperty("dealstage").GetString() == "closedwon" ? "contractsent" : "closedwon";
            (await harness.HubSpot.PatchAsJsonAsync($"/crm/v3/objects/deals/{deal.GetProperty("id").GetString()}", new { properties = new { dealstage = stage } })).EnsureSuccessStatusCode();
            moved++;
        }

        return moved;
    }
}
