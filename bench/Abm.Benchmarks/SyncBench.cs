extern alias sandbox;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server;
using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;
using Abm.Server.Features.Engagement;
using Abm.Server.Features.Provisioning;
using Abm.Server.Features.Sync;
using Abm.Server.Features.Workspaces;
using Abm.Server.Features.WriteBack;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Benchmarks;

/// <summary>
/// The HubSpot connection at the rate-limit ceiling, against a Professional-tier sandbox portal of about
/// 20,000 contacts: a full sync's records per second as a share of the ceiling (19 calls a second of 100
/// records) with the 429s received; the same records read by the official Node client's getAll; and a
/// write-back of 10,000 property updates (calls used, share of the ceiling).
/// </summary>
internal static class SyncBench
{
    private const int Accounts = 1_150; // 5 to 30 contacts each: about 20,000 contacts
    private const double CeilingCallsPerSecond = 19;
    private const double CeilingRecordsPerSecond = CeilingCallsPerSecond * 100;
    private const int WriteBackUpdates = 10_000;

    public static async Task RunAsync(TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = 42, SimulateBehaviour = false, Portals = [new SandboxPortalOptions { Accounts = Accounts }] });
        var portal = sandbox.Portals[0];
        var scratch = Directory.CreateTempSubdirectory("abm-sync-bench-").FullName;
        string[] args =
        [
            "--urls=http://127.0.0.1:0", $"--HUBSPOT_API_KEY={portal.AccessToken}", $"--HUBSPOT_BASE_URL={sandbox.BaseUrl}",
            $"--HUBSPOT_PORTAL_ID={portal.PortalId}", "--HUBSPOT_TIER=professional", "--Sync:IncrementalIntervalMinutes=0",
            "--Scoring:NightlyPassEnabled=false", "--WriteBack:IntervalSeconds=3600", "--Logging:LogLevel:Default=Warning",
            $"--DataProtection:KeysPath={Path.Combine(scratch, "keys")}",
            .. Environment.GetEnvironmentVariable("DATABASE_URL") is { Length: > 0 } ? Array.Empty<string>() : [$"--ConnectionStrings:Abm=Data Source={Path.Combine(scratch, "abm.db")}"],
        ];
        await using var app = AbmApp.Build(args);
        await app.StartAsync();
        var workspaceId = app.Services.GetRequiredService<DefaultWorkspace>().Id;
        var client = (await app.Services.GetRequiredService<HubSpotClients>().GetAsync(workspaceId, CancellationToken.None))!;
        output.WriteLine(string.Create(culture, $"Sandbox portal (professional, {Accounts:N0} accounts) and server on {app.Services.GetRequiredService<DatabaseTarget>()}, {Environment.ProcessorCount} cores"));

        // Full sync: time to the last contact page, since companies and contacts are what the target names.
        using var admin = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl) };
        await admin.DeleteAsync("/_sandbox/counters");
        var clock = Stopwatch.StartNew();
        using var timeline = new CallTimeline(clock);
        var lastContactPage = TimeSpan.Zero;
        var recordsRead = 0;
        var progress = new PageClock(p => { if (p.ObjectType is SyncedObjects.Companies or SyncedObjects.Contacts) { recordsRead += p.Records; lastContactPage = clock.Elapsed; } });
        SyncRun run;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
            run = await scope.ServiceProvider.GetRequiredService<SyncRunner>().RunAsync(client, new SyncRun
            {
                Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, Kind = SyncKinds.Full, Trigger = "cli", StartedAt = DateTime.UnixEpoch,
            }, progress, CancellationToken.None);
        }

        var runEnded = clock.Elapsed;
        var whole = runEnded.TotalSeconds;
        var ours = lastContactPage.TotalSeconds;
        var rate = recordsRead / ours;
        output.WriteLine(string.Create(culture,
            $"full sync: {run.Status}, {recordsRead:N0} companies and contacts in {ours:F1} s = {rate:N0} records/s = {rate / CeilingRecordsPerSecond:P0} of the ceiling; whole run {whole:F1} s, {run.Records:N0} records, {run.ApiCalls:N0} calls, {run.RateLimited} answered 429"));
        // Search calls count against their own limit (5 a second), not the 19 a second of the others.
        var searches = await SearchCallsAsync(admin);
        var paced = run.ApiCalls - searches;
        output.WriteLine(string.Create(culture,
            $"whole run paced by its calls: {paced:N0} calls under the burst limit (and {searches} searches under their own) in {whole:F1} s = {paced / whole:F1} calls/s = {paced / whole / CeilingCallsPerSecond:P0} of the ceiling of {CeilingCallsPerSecond} calls/s"));
        output.WriteLine(timeline.Describe(runEnded));

        await Task.Delay(TimeSpan.FromSeconds(11)); // a fresh 10-second window for the next contender
        if (await NodeGetAllAsync(sandbox.BaseUrl, portal.AccessToken) is { } node)
        {
            output.WriteLine(string.Create(culture,
                $"official Node client getAll: {node.Records:N0} companies and contacts in {node.Seconds:F1} s = {node.Records / node.Seconds:N0} records/s; ours / its time = {ours / node.Seconds:F2}; our whole run (also owners, deals, engagement, segments) {whole:F1} s = {whole / node.Seconds:F2}x its time"));
        }
        else
        {
            output.WriteLine("official Node client getAll: skipped (needs node and 'npm ci --prefix tests/Abm.HubSpot.Sandbox.Tests/NodeClient')");
        }

        await Task.Delay(TimeSpan.FromSeconds(11));
        await WriteBackAsync(app.Services, client, workspaceId, output);
        await app.StopAsync();
    }

    private static async Task WriteBackAsync(IServiceProvider services, Abm.HubSpot.HubSpotClient client, Guid syncedWorkspace, TextWriter output)
    {
        // HubSpot refuses values of properties it does not have: the abm_* properties are created first (not measured).
        await PropertyProvisioner.ProvisionAsync(client, CancellationToken.None);

        // The sync queued every contact for rescoring, which writes scores and fills the synced workspace's outbox.
        // On SQLite that holds the single writer for a while; the write-back is measured after it, on its own.
        var rescoring = Stopwatch.StartNew();
        var scoring = services.GetRequiredService<ScoringQueue>();
        while (!scoring.IsIdle)
        {
            await Task.Delay(100);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rescoring after the sync finished {rescoring.Elapsed.TotalSeconds:F1} s after the Node client's run"));

        // The measured write-back runs in a workspace of its own (same portal, same client and limiter), so its
        // outbox holds exactly the 10,000 updates.
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var benchWorkspace = Guid.CreateVersion7();
        List<string> ids;
        await using (var setup = services.CreateAsyncScope())
        {
            var database = setup.ServiceProvider.GetRequiredService<AbmDbContext>();
            database.Workspaces.Add(new Workspace { Id = benchWorkspace, Name = "write-back bench", CreatedAt = now, UpdatedAt = now });
            ids = await database.Contacts.IgnoreQueryFilters().Where(c => c.WorkspaceId == syncedWorkspace).OrderBy(c => c.HubSpotId)
                .Select(c => c.HubSpotId).Take(WriteBackUpdates).ToListAsync();
            var due = now.AddSeconds(-1);
            database.HubSpotOutbox.AddRange(ids.Select((id, i) => new HubSpotOutboxItem
            {
                Id = Guid.CreateVersion7(), WorkspaceId = benchWorkspace, ObjectType = "contacts", HubSpotId = id,
                Properties = JsonSerializer.Serialize(new Dictionary<string, string> { ["abm_content_engagement_score"] = (i % 100).ToString(CultureInfo.InvariantCulture) }),
                NextAttemptAt = due, CreatedAt = due, UpdatedAt = due,
            }));
            await database.SaveChangesAsync();
        }

        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(benchWorkspace);
        var before = client.CallCounts;
        var clock = Stopwatch.StartNew();
        // Bounded, so a flush that cannot get at the database ends the bench with a line instead of a hang.
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        FlushSummary summary;
        try
        {
            summary = await scope.ServiceProvider.GetRequiredService<OutboxFlusher>().FlushAsync(client, limit.Token);
        }
        catch (OperationCanceledException)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"write-back: not finished within 2 minutes ({client.CallCounts.Since(before).Calls} HTTP calls made)"));
            return;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var calls = client.CallCounts.Since(before);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"write-back: {summary.Sent:N0} of {ids.Count:N0} updates sent with {summary.Calls} batch calls ({calls.Calls} HTTP calls, {calls.RateLimited} answered 429) in {seconds:F1} s = {summary.Sent / seconds:N0} records/s = {summary.Sent / seconds / CeilingRecordsPerSecond:P0} of the ceiling"));
    }

    private static async Task<long> SearchCallsAsync(HttpClient admin)
    {
        var counters = await admin.GetFromJsonAsync<JsonElement>("/_sandbox/counters");
        return counters.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("route").GetString()!.EndsWith("/search", StringComparison.Ordinal))
            .Sum(r => r.GetProperty("count").GetInt64());
    }

    private static async Task<(int Records, double Seconds)?> NodeGetAllAsync(string baseUrl, string token)
    {
        var root = FindRepositoryRoot();
        var modules = Path.Combine(root, "tests", "Abm.HubSpot.Sandbox.Tests", "NodeClient", "node_modules");
        if (!Directory.Exists(Path.Combine(modules, "@hubspot")))
        {
            return null;
        }

        var start = new ProcessStartInfo("node", Path.Combine(root, "bench", "Abm.Benchmarks", "node", "getall.cjs")) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["NODE_PATH"] = modules;
        start.Environment["SANDBOX_BASE_URL"] = baseUrl;
        start.Environment["SANDBOX_TOKEN"] = token;
        start.Environment["CONTACT_PROPERTIES"] = string.Join(',', SyncedObjects.PropertiesOf(SyncedObjects.Contacts));
        start.Environment["COMPANY_PROPERTIES"] = string.Join(',', SyncedObjects.PropertiesOf(SyncedObjects.Companies));
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The Node client failed: {error}");
        }

        var result = JsonSerializer.Deserialize<JsonElement>(text);
        return (result.GetProperty("contacts").GetInt32() + result.GetProperty("companies").GetInt32(), result.GetProperty("ms").GetDouble() / 1000);
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Abm.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the bench from inside the repository.");
    }

    /// <summary>Reports pages synchronously, on the sync's own thread, so each page's time is when it was applied.</summary>
    private sealed class PageClock(Action<SyncPageDone> onPage) : IProgress<SyncPageDone>
    {
        public void Report(SyncPageDone value) => onPage(value);
    }
}
