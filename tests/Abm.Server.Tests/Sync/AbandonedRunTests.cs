using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data.Entities;

namespace Abm.Server.Tests.Sync;

/// <summary>Runs left <c>running</c> by a process that is gone are marked abandoned, with when and why; live ones are left alone.</summary>
public sealed class AbandonedRunTests : IAsyncLifetime
{
    private SyncHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await SyncHarness.StartAsync(accounts: 2);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task SyncStats_RunLeftRunningByAProcessThatExited_IsMarkedAbandoned()
    {
        using var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await gone.WaitForExitAsync();
        var holder = $"{Environment.MachineName}/{gone.Id}/{Guid.NewGuid():N}";
        // Its lease has not even lapsed: the holder's process is known to be gone, which is enough.
        var runId = await LeaveRunningAsync(holder, leaseExpiresIn: TimeSpan.FromMinutes(10));

        var stats = await _harness.Server.OperatorClient().GetFromJsonAsync<JsonElement>("/api/sync/stats");

        var run = stats.GetProperty("recentRuns").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == runId);
        run.GetProperty("status").GetString().ShouldBe("abandoned");
        run.GetProperty("abandonedAt").ValueKind.ShouldBe(JsonValueKind.String);
        run.GetProperty("abandonedReason").GetString()!.ShouldContain("no longer running");
    }

    [Fact]
    public async Task Sync_RunLeftRunningByAnotherMachineWhoseLeaseLapsed_IsMarkedAbandonedByTheNextRun()
    {
        var runId = await LeaveRunningAsync("another-host/4242/0f3c", leaseExpiresIn: TimeSpan.FromMinutes(-1));

        (await _harness.SyncAsync("full")).GetProperty("status").GetString().ShouldBe("succeeded");

        var run = await _harness.Server.OperatorClient().GetFromJsonAsync<JsonElement>($"/api/sync/runs/{runId}");
        run.GetProperty("status").GetString().ShouldBe("abandoned");
        run.GetProperty("abandonedReason").GetString()!.ShouldContain("another-host/4242/0f3c");
    }

    [Fact]
    public async Task SyncStats_RunOfAHolderWhoseLeaseIsCurrent_StaysRunning()
    {
        var runId = await LeaveRunningAsync("another-host/4242/7a1d", leaseExpiresIn: TimeSpan.FromMinutes(10));

        var stats = await _harness.Server.OperatorClient().GetFromJsonAsync<JsonElement>("/api/sync/stats");

        var run = stats.GetProperty("recentRuns").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == runId);
        run.GetProperty("status").GetString().ShouldBe("running");
        run.GetProperty("abandonedAt").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    /// <summary>What a killed process leaves behind: its run row still running and its lease on the portal.</summary>
    private async Task<Guid> LeaveRunningAsync(string holder, TimeSpan leaseExpiresIn)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var run = new SyncRun
        {
            Id = Guid.CreateVersion7(), WorkspaceId = _harness.WorkspaceId, Kind = "full", Trigger = "cli", Status = "running", Holder = holder,
            StartedAt = now.AddMinutes(-5),
        };
        await using var database = _harness.Server.OpenDatabase();
        database.SyncRuns.Add(run);
        database.PortalLeases.Add(new PortalLease { WorkspaceId = _harness.WorkspaceId, Holder = holder, ExpiresAt = now + leaseExpiresIn });
        await database.SaveChangesAsync();
        return run.Id;
    }
}
