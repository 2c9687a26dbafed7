using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines;
using ContentType = Abm.Engines.Content.ContentType;
using Abm.Engines.Journey;
using Abm.Server.Features.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Benchmarks;

/// <summary>
/// The recommender's weight fit on a large workspace, through <c>POST /api/recommendations/weight-fits</c> (the
/// server's <c>WeightFitting</c>: sampling the contacts that engaged in each period, loading their history, the
/// factor table and the search in <c>WeightFitter</c>): 100,000 contacts over 5,000 accounts, a 560-item library and
/// about 8 content events a contact over 21 days (most on the contact's main topic), seeded straight into the
/// database. Prints the time of one fit per sample size and the process's peak working set.
/// </summary>
internal static class WeightFitBench
{
    private const string OperatorKey = "weight-fit-bench-operator-key-0123456789";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task RunAsync(string[] args, TextWriter output)
    {
        var contacts = Option(args, "--contacts", 100_000);
        var eventsPerContact = Option(args, "--events", 8);
        int[] samples = Array.IndexOf(args, "--samples") is var at && at >= 0 && at + 1 < args.Length
            ? [.. args[at + 1].Split(',').Select(s => int.Parse(s, Invariant))]
            : [2_000, 10_000, 20_000];
        // Lead scoring would start on the 100,000 new contacts and compete with the seeding for SQLite's one writer.
        await using var server = await BenchServer.StartAsync("weight-fit", OperatorKey, "--Leads:AutoScoreIntervalSeconds=0");
        var seeding = Stopwatch.StartNew();
        var events = await SeedAsync(server.App.Services, contacts, eventsPerContact);
        output.WriteLine(string.Create(Invariant,
            $"Server on {server.App.Services.GetRequiredService<DatabaseTarget>()}: {contacts:N0} contacts, 560 items, {events:N0} content events over 21 days seeded in {seeding.Elapsed.TotalSeconds:F0} s; {Environment.ProcessorCount} cores"));

        using var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        output.WriteLine($"{"max contacts",12} {"judged (fit / held-out)",24} {"seconds",8} {"weightings",10} {"NDCG@5 held-out current -> fitted",34} {"status",11} {"peak working set",17}");
        foreach (var sample in samples)
        {
            var timer = Stopwatch.StartNew();
            using var response = await client.PostAsJsonAsync("/api/recommendations/weight-fits", new { periodDays = 7, maxContacts = sample });
            var elapsed = timer.Elapsed;
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (!response.IsSuccessStatusCode)
            {
                output.WriteLine($"{sample,12} refused: {(int)response.StatusCode} {body}");
                continue;
            }

            var evaluation = body.GetProperty("evaluation");
            int Contacts(string period) => evaluation.GetProperty(period).GetProperty("contacts").GetInt32();
            double Ndcg(string period) => evaluation.GetProperty(period).GetProperty("ndcg").GetDouble();
            output.WriteLine(string.Create(Invariant,
                $"{sample,12:N0} {$"{Contacts("currentOnFit"):N0} / {Contacts("currentOnHeldOut"):N0}",24} {elapsed.TotalSeconds,8:F1} {evaluation.GetProperty("weightingsTried").GetInt32(),10} {$"{Ndcg("currentOnHeldOut"):F4} -> {Ndcg("fittedOnHeldOut"):F4}",34} {body.GetProperty("status").GetString(),11} {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576.0,14:N0} MB"));
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], Invariant) : fallback;
    }

    /// <summary>20 topics over 560 items of every format; each contact reads mostly its own main topic. Returns the events written.</summary>
    private static async Task<int> SeedAsync(IServiceProvider services, int contacts, int eventsPerContact)
    {
        var workspace = services.GetRequiredService<DefaultWorkspace>().Id;
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var random = new Random(5);
        var types = Enum.GetValues<ContentType>().Select(t => t.ToWireName()).ToArray();
        var stages = Enum.GetValues<JourneyStage>().Select(s => s.ToWireName()).ToArray();
        var items = Enumerable.Range(0, 560).Select(i => new ContentItem
        {
            Id = Guid.CreateVersion7(), WorkspaceId = workspace, Title = $"Item {i:000}", ContentType = types[i % types.Length], Topic = $"topic-{i % 20:00}",
            TargetJourneyStages = [stages[random.Next(stages.Length)]], PublishedAt = now.AddDays(-random.Next(30, 400)), CreatedAt = now, UpdatedAt = now,
        }).ToList();
        var byTopic = items.GroupBy(i => i.Topic!).ToDictionary(g => g.Key, g => g.ToArray());
        await using (var scope = services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
            database.ContentItems.AddRange(items);
            await database.SaveChangesAsync();
        }

        const int Chunk = 1_000;
        var written = 0;
        for (var start = 0; start < contacts; start += Chunk)
        {
            await using var scope = services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
            database.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var i in Enumerable.Range(start, Math.Min(Chunk, contacts - start)))
            {
                var contact = new Contact
                {
                    Id = Guid.CreateVersion7(), WorkspaceId = workspace, HubSpotId = (1_000_000 + i).ToString(Invariant), Email = $"reader{i}@bench.example",
                    JourneyStage = stages[i % stages.Length],
                };
                database.Contacts.Add(contact);
                var own = byTopic[$"topic-{i % 20:00}"];
                for (var e = 0; e < eventsPerContact; e++)
                {
                    var item = random.NextDouble() < 0.6 ? own[random.Next(own.Length)] : items[random.Next(items.Count)];
                    database.EngagementEvents.Add(new EngagementEvent
                    {
                        Id = Guid.CreateVersion7(), WorkspaceId = workspace, ContactId = contact.Id, ContentId = item.Id, Source = "import",
                        EventType = random.NextDouble() < 0.2 ? "content_download" : "website_visit",
                        OccurredAt = now.AddMinutes(-random.Next(1, 21 * 24 * 60)), CreatedAt = now,
                    });
                    written++;
                }
            }

            await database.SaveChangesAsync();
        }

        return written;
    }
}
