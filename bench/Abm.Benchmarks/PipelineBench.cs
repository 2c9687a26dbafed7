using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Benchmarks;

/// <summary>
/// The whole event pipeline through real HTTP on loopback: the server as deployed (SQLite by default, or the
/// database in DATABASE_URL), event batches in, and the time from posting an event to its contact's score
/// being updated by the background recompute.
/// </summary>
internal static class PipelineBench
{
    private const int Contacts = 2_000;
    private const int IngestBatches = 20;
    private const int LatencySamples = 200;
    private const string OperatorKey = "pipeline-bench-operator-key-0123456789";

    public static async Task RunAsync(TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        await using var server = await BenchServer.StartAsync("pipeline", OperatorKey);
        var (app, baseUrl) = (server.App, server.Address);
        using var client = new HttpClient { BaseAddress = baseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        var hubSpotIds = await SeedContactsAsync(app.Services);
        output.WriteLine(string.Create(culture, $"Server on {baseUrl} ({app.Services.GetRequiredService<DatabaseTarget>()}), {Contacts:N0} contacts, {Environment.ProcessorCount} cores"));

        var contactIds = await ContactIdsAsync(app.Services);
        var idByHubSpotId = contactIds.ToDictionary(c => c.HubSpotId, c => c.Id);
        var random = new Random(7);
        var lastBatch = new List<string>();
        var now = TimeProvider.System.GetUtcNow();
        var ingest = Stopwatch.StartNew();
        for (var batch = 0; batch < IngestBatches; batch++)
        {
            var events = Enumerable.Range(0, 1000).Select(_ => new
            {
                type = "email_open", occurredAt = now.AddMinutes(-random.Next(1, 100_000)), contactHubSpotId = hubSpotIds[random.Next(hubSpotIds.Count)],
            }).ToArray();
            lastBatch = events.Select(e => e.contactHubSpotId).ToList();
            (await client.PostAsJsonAsync("/api/events", new { events })).EnsureSuccessStatusCode();
        }

        ingest.Stop();
        output.WriteLine(string.Create(culture, $"Ingest: {IngestBatches * 1000:N0} events in batches of 1,000: {IngestBatches * 1000 / ingest.Elapsed.TotalSeconds:N0} events/s ({ingest.Elapsed.TotalMilliseconds / IngestBatches:F1} ms per batch)"));
        // Let the recompute of the ingest burst drain (the worker takes batches in order, so the last batch's
        // contacts are scored last), so that backlog does not pollute the single-event latency samples.
        var drain = Stopwatch.StartNew();
        var ingestEnd = TimeProvider.System.GetUtcNow().UtcDateTime - drain.Elapsed;
        foreach (var hubSpotId in lastBatch.Distinct().Take(50))
        {
            while ((await client.GetFromJsonAsync<EngagementProbe>($"/api/contacts/{idByHubSpotId[hubSpotId]}/engagement"))!.ComputedAt is not { } computed || computed < ingestEnd)
            {
                await Task.Delay(20);
            }
        }

        output.WriteLine(string.Create(culture, $"Recompute backlog of the ingest burst drained {drain.Elapsed.TotalMilliseconds:F0} ms after the last batch was acknowledged"));
        var latencies = new List<double>();
        for (var sample = 0; sample < LatencySamples; sample++)
        {
            var (id, hubSpotId) = contactIds[sample % contactIds.Count];
            var posted = Stopwatch.StartNew();
            var sentAt = TimeProvider.System.GetUtcNow().UtcDateTime;
            (await client.PostAsJsonAsync("/api/events", new { events = new[] { new { type = "demo_request", occurredAt = TimeProvider.System.GetUtcNow(), contactHubSpotId = hubSpotId } } })).EnsureSuccessStatusCode();
            while (true)
            {
                var engagement = await client.GetFromJsonAsync<EngagementProbe>($"/api/contacts/{id}/engagement");
                if (engagement!.ComputedAt >= sentAt)
                {
                    break;
                }

                await Task.Delay(2);
            }

            latencies.Add(posted.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        output.WriteLine(string.Create(culture, $"Event to updated score ({LatencySamples} samples): p50 {Percentile(latencies, 0.50):F1} ms, p95 {Percentile(latencies, 0.95):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms (target p95 < 1000 ms)"));
    }

    private sealed record EngagementProbe(DateTime? ComputedAt);

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task<List<string>> SeedContactsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
        var workspace = services.GetRequiredService<DefaultWorkspace>().Id;
        var contacts = Enumerable.Range(0, Contacts).Select(i => new Contact
        {
            Id = Guid.CreateVersion7(), WorkspaceId = workspace, HubSpotId = (100_000 + i).ToString(CultureInfo.InvariantCulture),
            Email = $"buyer{i}@example.com", JobTitle = i % 2 == 0 ? "VP Engineering" : "CFO",
        }).ToList();
        database.Contacts.AddRange(contacts);
        await database.SaveChangesAsync();
        return contacts.Select(c => c.HubSpotId).ToList();
    }

    private static async Task<List<(Guid Id, string HubSpotId)>> ContactIdsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
        return [.. Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(database.Contacts).OrderBy(c => c.HubSpotId).Select(c => new ValueTuple<Guid, string>(c.Id, c.HubSpotId))];
    }
}
