using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Workspaces;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Benchmarks;

/// <summary>
/// The analytics routes as a client waits for them: the server as deployed (SQLite, or the database in DATABASE_URL)
/// seeded with 100,000 contacts created over three years ("--contacts N"), 5,000 deals and 300,000 email events
/// ("--events N"), then each route asked over HTTP ("--samples N" times, 10 by default). Prints p50 and max per route.
/// </summary>
internal static class AnalyticsBench
{
    private const string OperatorKey = "analytics-bench-operator-key-0123456789";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] Stages = ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer"];
    private static readonly string[] Sources = ["ORGANIC_SEARCH", "PAID_SEARCH", "DIRECT_TRAFFIC", "EMAIL_MARKETING", "SOCIAL_MEDIA", "REFERRALS", "OFFLINE"];
    private static readonly string[] DealStages = ["appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "contractsent", "closedwon", "closedlost"];

    public static async Task RunAsync(string[] args, TextWriter output)
    {
        var contacts = Option(args, "--contacts", 100_000);
        var events = Option(args, "--events", 300_000);
        var samples = Option(args, "--samples", 10);
        await using var server = await BenchServer.StartAsync("analytics", OperatorKey);
        var seeding = Stopwatch.StartNew();
        var to = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        await SeedAsync(server.App.Services, contacts, events, to);
        output.WriteLine(string.Create(Invariant, $"Server on {server.Address} ({server.App.Services.GetRequiredService<DatabaseTarget>()}), {contacts:N0} contacts, {contacts / 20:N0} deals, {events:N0} email events seeded in {seeding.Elapsed.TotalSeconds:F0} s, {Environment.ProcessorCount} cores"));

        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        string[] routes =
        [
            $"deals?from={to.AddYears(-1).AddDays(1):yyyy-MM-dd}&to={to:yyyy-MM-dd}&period=month",
            $"contacts?from={to.AddYears(-1).AddDays(1):yyyy-MM-dd}&to={to:yyyy-MM-dd}&period=month",
            $"contacts?from={to.AddYears(-3):yyyy-MM-dd}&to={to:yyyy-MM-dd}&period=week",
            $"campaigns?from={to.AddYears(-1).AddDays(1):yyyy-MM-dd}&to={to:yyyy-MM-dd}&period=week",
        ];
        foreach (var route in routes)
        {
            (await client.GetAsync($"/api/hubspot/analytics/{route}")).EnsureSuccessStatusCode(); // first call: query compilation
            var times = new List<double>();
            for (var i = 0; i < samples; i++)
            {
                var clock = Stopwatch.StartNew();
                (await client.GetAsync($"/api/hubspot/analytics/{route}")).EnsureSuccessStatusCode();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            output.WriteLine(string.Create(Invariant, $"{route.Split('&')[0].Split('?')[0] + " " + route.Split("period=")[1],-20} p50 {times[times.Count / 2],7:F0} ms   max {times[^1],7:F0} ms"));
        }
    }

    private static async Task SeedAsync(IServiceProvider services, int contacts, int events, DateOnly to)
    {
        var workspace = services.GetRequiredService<DefaultWorkspace>().Id;
        var random = new Random(25);
        var end = to.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var contactIds = new List<Guid>(contacts);
        const int Chunk = 5_000;
        for (var start = 0; start < contacts; start += Chunk)
        {
            await using var scope = services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
            database.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var i in Enumerable.Range(start, Math.Min(Chunk, contacts - start)))
            {
                var id = Guid.CreateVersion7();
                contactIds.Add(id);
                database.Contacts.Add(new Contact
                {
                    Id = id, WorkspaceId = workspace, HubSpotId = (1_000_000 + i).ToString(Invariant), Email = $"c{i}@buyer.example",
                    HubSpotCreatedAt = end.AddMinutes(-random.Next(3 * 365 * 24 * 60)), LifecycleStage = Stages[random.Next(Stages.Length)],
                    OriginalSource = Sources[random.Next(Sources.Length)], CreatedAt = end, UpdatedAt = end,
                });
                if (i % 20 == 0)
                {
                    var created = end.AddDays(-random.Next(700));
                    var stage = DealStages[random.Next(DealStages.Length)];
                    database.Deals.Add(new Deal
                    {
                        Id = Guid.CreateVersion7(), WorkspaceId = workspace, HubSpotId = (2_000_000 + i).ToString(Invariant), Name = $"Deal {i}", Stage = stage,
                        Pipeline = "default", Amount = random.Next(1_000, 100_000), HubSpotCreatedAt = created,
                        CloseDate = stage is "closedwon" or "closedlost" ? created.AddDays(random.Next(5, 180)) : null, CreatedAt = end, UpdatedAt = end,
                    });
                }
            }

            await database.SaveChangesAsync();
        }

        for (var start = 0; start < events; start += Chunk)
        {
            await using var scope = services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
            database.ChangeTracker.AutoDetectChangesEnabled = false;
            database.EngagementEvents.AddRange(Enumerable.Range(0, Math.Min(Chunk, events - start)).Select(_ => new EngagementEvent
            {
                WorkspaceId = workspace, Id = Guid.CreateVersion7(), OccurredAt = end.AddMinutes(-random.Next(2 * 365 * 24 * 60)),
                ContactId = contactIds[random.Next(contactIds.Count)], EventType = random.Next(4) == 0 ? "email_click" : "email_open", Source = "hubspot", CreatedAt = end,
            }));
            await database.SaveChangesAsync();
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], Invariant) : fallback;
    }
}
