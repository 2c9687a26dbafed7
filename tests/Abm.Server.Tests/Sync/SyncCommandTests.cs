extern alias sandbox;

using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Abm.Data;
using Abm.Testing;
using Microsoft.EntityFrameworkCore;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Server.Tests.Sync;

/// <summary><c>abm sync</c> as an operator runs it: a real process, killed mid-run, then run again.</summary>
public sealed class SyncCommandTests : IAsyncLifetime, IDisposable
{
    private const string ListRoute = "GET /crm/v3/objects/{type}";

    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("abm-sync-cli-").FullName;
    private SandboxHost _sandbox = null!;
    private HttpClient _hubSpot = null!;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = 33, SimulateBehaviour = false, Portals = [new SandboxPortalOptions { Accounts = 60 }] });
        _hubSpot = new HttpClient { BaseAddress = new Uri(_sandbox.BaseUrl) };
        _hubSpot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _sandbox.Portals[0].AccessToken);
        _database = await TestDatabase.CreateAsync();
    }

    public void Dispose() => _hubSpot.Dispose();

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task SyncFull_ProcessKilledMidRun_NextRunResumesAndEndsWithTheExactPortal()
    {
        var portal = await PortalSnapshot.ReadPortalAsync(_hubSpot);
        // Slow pages, so the process is surely mid-run when it is killed.
        (await _hubSpot.PostAsJsonAsync("/_sandbox/faults", new { route = ListRoute.Replace("{type}", "contacts", StringComparison.Ordinal), latencyMs = 250 })).EnsureSuccessStatusCode();
        await _hubSpot.DeleteAsync("/_sandbox/counters");

        using (var first = AbmProcess.Start(_workingDirectory, Environment(), "sync", "--full"))
        {
            var pages = 0;
            while (await first.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.Contains("contacts", StringComparison.Ordinal) && ++pages == 4)
                {
                    first.Kill(entireProcessTree: true);
                    break;
                }
            }

            await first.WaitForExitAsync();
            pages.ShouldBe(4, "the first run was killed after its fourth contact page");
        }

        await using (var database = new AbmDbContext(_database.Target.ContextOptions()))
        {
            var contacts = await database.SyncStates.IgnoreQueryFilters().SingleAsync(s => s.ObjectType == "contacts");
            contacts.FullSyncCompleted.ShouldBeFalse();
            contacts.FullSyncCursor.ShouldNotBeNull();
        }

        var second = await AbmProcess.RunAsync(_workingDirectory, Environment(), "sync", "--full");

        second.ExitCode.ShouldBe(0, second.Output + second.Error);
        second.Output.ShouldContain("sync full succeeded");
        second.Output.ShouldContain($"scored {portal.Contacts.Count} contacts");
        await using (var database = new AbmDbContext(_database.Target.ContextOptions()))
        {
            var workspace = await database.Workspaces.SingleAsync(w => w.IsDefault);
            (await PortalSnapshot.ReadLocalAsync(database, workspace.Id)).ShouldEqual(portal);
            // Every contact, those the killed run wrote included, is scored before the verb exits.
            var unscored = await database.Contacts.IgnoreQueryFilters()
                .CountAsync(c => c.WorkspaceId == workspace.Id && !database.ContactScores.IgnoreQueryFilters().Any(s => s.ContactId == c.Id));
            unscored.ShouldBe(0);
        }

        // Every page once, plus at most the page being read ahead and the one in flight when the process died:
        // pages never written are read again, written ones never.
        var expected = Pages(portal.Companies.Count) + Pages(portal.Contacts.Count) + Pages(portal.Deals.Count);
        (await CountAsync(ListRoute)).ShouldBeInRange(expected, expected + 2);
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["Database__Provider"] = _database.Target.Provider == DatabaseProvider.PostgreSql ? "postgres" : "sqlite",
        ["ConnectionStrings__Abm"] = _database.Target.ConnectionString,
        ["HUBSPOT_API_KEY"] = _sandbox.Portals[0].AccessToken,
        ["HUBSPOT_BASE_URL"] = _sandbox.BaseUrl,
        ["HUBSPOT_PORTAL_ID"] = _sandbox.Portals[0].PortalId.ToString(CultureInfo.InvariantCulture),
        ["DataProtection__KeysPath"] = Path.Combine(_workingDirectory, "keys"),
    };

    private async Task<long> CountAsync(string route)
    {
        var counters = await _hubSpot.GetFromJsonAsync<System.Text.Json.JsonElement>("/_sandbox/counters");
        return counters.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("route").GetString() == route).Sum(r => r.GetProperty("count").GetInt64());
    }

    private static long Pages(int records) => (records + 99) / 100;
}
