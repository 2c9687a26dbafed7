extern alias sandbox;

using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Abm.Data;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Workspaces;
using Abm.Server.Features.WriteBack;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Abm.Testing;
using Microsoft.Extensions.Hosting;
using sandbox::Abm.HubSpot.Sandbox.Hosting;
using Xunit.Abstractions;

namespace Abm.Server.Tests;

/// <summary>
/// Faults injected into a running server: the database unreachable for a while, a stored token the key ring
/// cannot decrypt. The server must keep serving and its workers pick up again once the fault is gone.
/// </summary>
public sealed class WorkerResilienceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly DatabaseOutage _outage = new();
    private SandboxHost _sandbox = null!;
    private AbmServerFactory _server = null!;
    private CancellationToken _stopping;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            Seed = 17, SimulateBehaviour = false, Portals = [new SandboxPortalOptions { Accounts = 3 }, new SandboxPortalOptions { Accounts = 3 }],
        });
        _server = await AbmServerFactory.StartAsync(
            new()
            {
                ["HUBSPOT_API_KEY"] = _sandbox.Portals[0].AccessToken,
                ["HUBSPOT_BASE_URL"] = _sandbox.BaseUrl,
                ["HUBSPOT_PORTAL_ID"] = _sandbox.Portals[0].PortalId.ToString(CultureInfo.InvariantCulture),
                ["WriteBack:IntervalSeconds"] = "1",
                ["Sync:IncrementalIntervalMinutes"] = "0",
                ["HubSpot:Retries:MaxRetryAttempts"] = "1",
                ["HubSpot:Retries:BaseDelay"] = "00:00:00.020",
            },
            services => services.ConfigureDbContext<AbmDbContext>(options => options.AddInterceptors(_outage)));
        (await _server.OperatorClient().PostAsync("/api/hubspot/properties/provision", null)).EnsureSuccessStatusCode();
        // Read once: once the host has stopped, its services are gone.
        _stopping = _server.Service<IHostApplicationLifetime>().ApplicationStopping;
    }

    public async Task DisposeAsync()
    {
        _outage.Unreachable = false;
        await _server.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Workers_DatabaseUnreachableForAWhile_ServerKeepsServingAndWriteBackResumes()
    {
        _outage.Unreachable = true;
        await Eventually.WaitForValueAsync<bool>(
            () => Task.FromResult<bool?>(Stopping || _server.Logs.Lines.Count(l => l.Contains("WriteBackWorker: a round failed", StringComparison.Ordinal)) >= 2 ? true : null),
            "two failed write-back rounds", 30);
        _outage.Unreachable = false;
        var restored = TimeProvider.System.GetTimestamp();

        Stopping.ShouldBeFalse("a worker's failure stopped the host");
        (await _server.CreateClient().GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = await QueueAsync(_server.Service<DefaultWorkspace>().Id, 0);
        await WaitUntilSentAsync(row, "the write-back after the outage");
        var failedRounds = _server.Logs.Lines.Where(l => l.Contains(": a round failed", StringComparison.Ordinal))
            .GroupBy(l => l[(l.IndexOf(": ", StringComparison.Ordinal) + 2)..l.IndexOf(": a round failed", StringComparison.Ordinal)]);
        output.WriteLine($"database outage ({(TestDatabase.IsPostgresRun ? "PostgreSQL" : "SQLite")}): failed rounds logged {string.Join(", ", failedRounds.Select(g => $"{g.Key} {g.Count()}"))}; " +
            $"host stopping: {Stopping}; a row queued after the outage was sent {TimeProvider.System.GetElapsedTime(restored).TotalSeconds:F1} s after the database came back");
    }

    [Fact]
    public async Task Workers_StoredTokenTheKeyRingCannotDecrypt_OtherWorkspacesGoOnAndItResumesWhenRepaired()
    {
        var broken = await _server.CreateWorkspaceAsync("Broken key ring");
        var admin = _server.OperatorClient(broken);
        (await admin.PostAsJsonAsync("/api/connections", new { accessToken = _sandbox.Portals[1].AccessToken, portalId = _sandbox.Portals[1].PortalId.ToString(CultureInfo.InvariantCulture) }))
            .EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/hubspot/properties/provision", null)).EnsureSuccessStatusCode();
        // As after a restart with another key ring: the stored ciphertext no longer opens, and no client is cached.
        var original = await SetStoredTokenAsync(broken, "CfDJ8" + Convert.ToBase64String(new byte[64]).Replace('+', '-').Replace('/', '_'));
        _server.Service<HubSpotClients>().Forget(broken);
        var blocked = await QueueAsync(broken, 1);
        var healthy = await QueueAsync(_server.Service<DefaultWorkspace>().Id, 0);

        await WaitUntilSentAsync(healthy, "the default workspace's write-back beside the broken one");

        Stopping.ShouldBeFalse("a worker's failure stopped the host");
        (await StatusOfAsync(blocked)).ShouldBe(OutboxStatus.Pending);
        _server.Logs.Lines.ShouldContain(l => l.Contains("cannot be used", StringComparison.Ordinal) && l.Contains(broken.ToString(), StringComparison.Ordinal));
        (await _server.OperatorClient().GetAsync("/api/connections")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await SetStoredTokenAsync(broken, original);
        var repaired = TimeProvider.System.GetTimestamp();
        await WaitUntilSentAsync(blocked, "the repaired workspace's write-back");
        output.WriteLine($"undecryptable token ({(TestDatabase.IsPostgresRun ? "PostgreSQL" : "SQLite")}): other workspace written back while broken; host stopping: {Stopping}; " +
            $"the repaired workspace's row was sent {TimeProvider.System.GetElapsedTime(repaired).TotalSeconds:F1} s after the repair");
    }

    private bool Stopping => _stopping.IsCancellationRequested;

    private async Task WaitUntilSentAsync(Guid row, string what)
    {
        await Eventually.WaitForAsync(async () => Stopping || await StatusOfAsync(row) == OutboxStatus.Sent ? "done" : null, what, 30);
        Stopping.ShouldBeFalse("a worker's failure stopped the host");
    }

    private async Task<string> StatusOfAsync(Guid row)
    {
        await using var database = _server.OpenDatabase();
        return await database.HubSpotOutbox.IgnoreQueryFilters().Where(o => o.Id == row).Select(o => o.Status).SingleAsync();
    }

    private async Task<string> SetStoredTokenAsync(Guid workspace, string encrypted)
    {
        await using var database = _server.OpenDatabase();
        var connection = await database.OAuthConnections.IgnoreQueryFilters().SingleAsync(c => c.WorkspaceId == workspace);
        var previous = connection.EncryptedAccessToken;
        connection.EncryptedAccessToken = encrypted;
        await database.SaveChangesAsync();
        return previous;
    }

    /// <summary>Queues a write-back of the first contact of the sandbox portal at <paramref name="portal"/>.</summary>
    private async Task<Guid> QueueAsync(Guid workspace, int portal)
    {
        using var hubSpot = new HttpClient { BaseAddress = new Uri(_sandbox.BaseUrl) };
        hubSpot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _sandbox.Portals[portal].AccessToken);
        return (await OutboxTestData.QueueAsync(_server, workspace, await OutboxTestData.SandboxContactIdsAsync(hubSpot, 1))).Single();
    }

    /// <summary>While <see cref="Unreachable"/> is set, every connection the server opens fails as a refused connection would.</summary>
    private sealed class DatabaseOutage : DbConnectionInterceptor
    {
        public volatile bool Unreachable;

        public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            Unreachable ? throw Refused() : result;

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            Unreachable ? throw Refused() : ValueTask.FromResult(result);

        private static System.Net.Sockets.SocketException Refused() => new((int)System.Net.Sockets.SocketError.ConnectionRefused);
    }
}
