using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Abm.Server.Features.Workspaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Benchmarks;

/// <summary>
/// <c>GET /api/contacts/{id}/export</c> over loopback HTTP (the production handler and its streaming sinks, on SQLite):
/// one contact with N events and one with N/10, each exported as JSON and as a ZIP of CSVs, read by the client a buffer
/// at a time and thrown away. For each it prints the time, the bytes, and how far the process's memory rose above where it
/// was before the export (after a full collection): live managed memory (a full collection every 250 ms), the managed
/// heap with its garbage (every 10 ms) and the working set (every 10 ms). Memory that follows a page rather than the
/// contact keeps the live growth of the two sizes alike while the bytes grow tenfold.
/// </summary>
internal static class ContactExportBench
{
    private const string OperatorKey = "export-bench-operator-key-0123456789ab";

    public static async Task RunAsync(string[] args, TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        if (Environment.GetEnvironmentVariable("DATABASE_URL") is { Length: > 0 })
        {
            output.WriteLine("The export bench seeds its events with SQLite's SQL; unset DATABASE_URL.");
            return;
        }

        var events = Option(args, "--events") ?? 1_000_000;
        // Automatic lead scoring would read the seeded contacts' events in the same process while they are exported.
        await using var server = await BenchServer.StartAsync("export", OperatorKey, "--Leads:AutoScoreIntervalSeconds=0");
        output.WriteLine(string.Create(culture, $"Server on {server.Address} (SQLite), {Environment.ProcessorCount} cores"));
        var seeding = Stopwatch.StartNew();
        var small = await SeedContactAsync(server, events / 10);
        var large = await SeedContactAsync(server, events);
        output.WriteLine(string.Create(culture, $"Seeded {events / 10:N0} and {events:N0} events in {seeding.Elapsed.TotalSeconds:F0} s"));

        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromHours(1) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        output.WriteLine("   events  format  seconds  MB out  live managed MB  managed heap MB  working set MB  allocated MB");
        foreach (var (contact, count) in new[] { (small, events / 10), (large, events) })
        {
            foreach (var format in new[] { "json", "zip" })
            {
                var run = await ExportAsync(client, contact, format);
                output.WriteLine(string.Create(culture,
                    $"{count,9:N0}  {format,-6}  {run.Time.TotalSeconds,7:F1}  {run.Bytes / 1e6,6:F1}  {run.LiveGrowth / 1e6,15:F1}  {run.HeapGrowth / 1e6,15:F1}  {run.WorkingSetGrowth / 1e6,14:F1}  {run.Allocated / 1e6,12:F0}"));
            }
        }
    }

    private sealed record ExportRun(TimeSpan Time, long Bytes, long LiveGrowth, long HeapGrowth, long WorkingSetGrowth, long Allocated);

    private static async Task<ExportRun> ExportAsync(HttpClient client, Guid contact, string format)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var (managedBase, workingSetBase, allocatedBase) = (GC.GetTotalMemory(forceFullCollection: true), WorkingSet(process), GC.GetTotalAllocatedBytes());
        var (livePeak, heapPeak, workingSetPeak) = (managedBase, managedBase, workingSetBase);
        using var done = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            for (var tick = 1; !done.IsCancellationRequested; tick++)
            {
                (heapPeak, workingSetPeak) = (Math.Max(heapPeak, GC.GetTotalMemory(false)), Math.Max(workingSetPeak, WorkingSet(process)));
                if (tick % 25 == 0)
                {
                    livePeak = Math.Max(livePeak, GC.GetTotalMemory(forceFullCollection: true));
                }

                await Task.Delay(10, CancellationToken.None);
            }
        });
        var started = Stopwatch.StartNew();
        using var response = await client.GetAsync($"/api/contacts/{contact}/export?format={format}", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }

        var time = started.Elapsed;
        await done.CancelAsync();
        await sampler;
        return new ExportRun(time, bytes, livePeak - managedBase, heapPeak - managedBase, workingSetPeak - workingSetBase, GC.GetTotalAllocatedBytes() - allocatedBase);
    }

    private static long WorkingSet(Process process)
    {
        process.Refresh();
        return process.WorkingSet64;
    }

    /// <summary>A contact of the default workspace and <paramref name="events"/> page views of it, 30 s apart, inserted by one SQL statement.</summary>
    private static async Task<Guid> SeedContactAsync(BenchServer server, int events)
    {
        await using var scope = server.App.Services.CreateAsyncScope();
        var workspaceId = scope.ServiceProvider.GetRequiredService<DefaultWorkspace>().Id;
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
        var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var contact = new Contact
        {
            Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, HubSpotId = $"{900_000 + events}", Email = $"reader{events}@buyer.example", FirstName = "Rea", LastName = "Der",
            CreatedAt = now, UpdatedAt = now,
        };
        database.Contacts.Add(contact);
        await database.SaveChangesAsync();
        var (workspace, contactId, tag) = (workspaceId.ToString().ToUpperInvariant(), contact.Id.ToString().ToUpperInvariant(), events);
        var start = now.AddSeconds(-30.0 * events).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var created = now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        // EF Core keeps SQLite GUIDs as upper-case text and times as "yyyy-MM-dd HH:mm:ss.fff"; the rows match what it writes.
        const string metadata = """{"url":"https://vendor.example/pricing"}""";
        await database.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {events})
            INSERT INTO engagement_events (workspace_id, occurred_at, id, contact_id, event_type, duration_seconds, metadata, source, created_at)
            SELECT {workspace}, strftime('%Y-%m-%d %H:%M:%f', {start}, '+' || (i * 30) || ' seconds'), printf('%08X-0000-7000-8000-%012X', {tag}, i),
                   {contactId}, 'website_visit', 60, {metadata}, 'tracking', {created}
            FROM n
            """);
        return contact.Id;
    }

    private static int? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : null;
}
