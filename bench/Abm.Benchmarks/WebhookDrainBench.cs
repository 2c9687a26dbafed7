extern alias sandbox;

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Abm.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using sandbox::Abm.HubSpot.Sandbox.Hosting;

namespace Abm.Benchmarks;

/// <summary>
/// The webhook drain against a Professional-tier sandbox portal: a steady stream of 1,000 events/s (10 signed
/// requests of 100 a second) of HubSpot-like property changes on a bounded set of 3,000 contacts, so most events
/// repeat a record already named. The server's worker re-reads what they name from the sandbox under its rate
/// limit; the backlog (batches waiting, age of the oldest) is sampled every second and printed every 5 s.
/// </summary>
internal static class WebhookDrainBench
{
    private const string OperatorKey = "webhook-drain-bench-operator-key-0123456789";
    private const string Secret = "webhook-drain-bench-client-secret";
    private const int Records = 3_000;
    private const int EventsPerRequest = 100;
    private const int RequestsPerSecond = 10;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Seed = 7, SimulateBehaviour = false, Portals = [new SandboxPortalOptions { Accounts = 1 }] });
        var portal = sandbox.Portals[0];
        using var hubSpot = new HttpClient { BaseAddress = new Uri(sandbox.BaseUrl) };
        hubSpot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", portal.AccessToken);
        var ids = await CreateContactsAsync(hubSpot);
        await using var server = await BenchServer.StartAsync("webhook-drain", OperatorKey,
            $"--HUBSPOT_API_KEY={portal.AccessToken}", $"--HUBSPOT_BASE_URL={sandbox.BaseUrl}", $"--HUBSPOT_PORTAL_ID={portal.PortalId}",
            "--HUBSPOT_TIER=professional", $"--HUBSPOT_CLIENT_SECRET={Secret}", "--Sync:IncrementalIntervalMinutes=0",
            "--WriteBack:IntervalSeconds=3600", "--Logging:LogLevel:Default=Error");
        var (app, baseUrl) = (server.App, server.Address.ToString());
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(baseUrl) };
        output.WriteLine(string.Create(culture, $"Sandbox portal (professional, {Records:N0} contacts) and server on {app.Services.GetRequiredService<DatabaseTarget>()}, {Environment.ProcessorCount} cores"));
        (await hubSpot.DeleteAsync("/_sandbox/counters")).EnsureSuccessStatusCode();

        var random = new Random(11);
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var sampler = SampleAsync(app.Services, clock, output, stop.Token);
        var intake = await WebhookLoad.RunAsync(client, baseUrl, Secret, RequestsPerSecond, Duration, i => (Body(portal.PortalId, ids, random, i), EventsPerRequest));
        var streamEnded = clock.Elapsed;
        while ((await BacklogAsync(app.Services)).Waiting > 0 && clock.Elapsed - streamEnded < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(50);
        }

        var drained = clock.Elapsed;
        await stop.CancelAsync();
        var maxAge = await sampler;
        var counters = (await hubSpot.GetFromJsonAsync<JsonElement>("/_sandbox/counters")).GetProperty("results").EnumerateArray()
            .Select(r => (Route: r.GetProperty("route").GetString()!, Status: r.GetProperty("status").GetInt32(), Count: r.GetProperty("count").GetInt64())).ToList();
        long Calls(Func<string, bool> route) => counters.Where(c => route(c.Route)).Sum(c => c.Count);
        output.WriteLine($"Intake, {EventsPerRequest} events per request at {RequestsPerSecond} requests/s ({intake.Describe()})");
        output.WriteLine(string.Create(culture,
            $"Drain: {intake.Events:N0} events applied {drained.TotalSeconds:F1} s after the stream started = {intake.Events / drained.TotalSeconds:N0} events/s; last batch applied {(drained - streamEnded).TotalMilliseconds:F0} ms after the last request; oldest waiting batch at most {maxAge.TotalSeconds:F1} s old"));
        output.WriteLine(string.Create(culture,
            $"HubSpot calls: {Calls(_ => true):N0} ({Calls(r => r.StartsWith("POST /crm/v3/objects/", StringComparison.Ordinal) && r.EndsWith("/batch/read", StringComparison.Ordinal)):N0} record batch reads, {Calls(r => r.Contains("associations", StringComparison.Ordinal)):N0} association reads), {counters.Where(c => c.Status == 429).Sum(c => c.Count)} answered 429"));
    }

    /// <summary>Samples the backlog every second and prints every 5 s; returns the oldest waiting batch's greatest age.</summary>
    private static async Task<TimeSpan> SampleAsync(IServiceProvider services, Stopwatch clock, TextWriter output, CancellationToken stop)
    {
        var maxAge = TimeSpan.Zero;
        for (var second = 1; !stop.IsCancellationRequested; second++)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var (waiting, oldest, done) = await BacklogAsync(services);
            maxAge = oldest > maxAge ? oldest : maxAge;
            if (second % 5 == 0)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  t={clock.Elapsed.TotalSeconds,5:F0} s: {waiting,4} batches waiting, oldest {oldest.TotalSeconds,5:F1} s old, {done * EventsPerRequest,7:N0} events applied"));
            }
        }

        return maxAge;
    }

    private static async Task<(int Waiting, TimeSpan Oldest, int Done)> BacklogAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
        var waiting = database.WebhookInbox.AsNoTracking().Where(b => b.Status == "pending" || b.Status == "processing");
        var oldest = await waiting.OrderBy(b => b.ReceivedAt).Select(b => (DateTime?)b.ReceivedAt).FirstOrDefaultAsync();
        var age = oldest is { } at ? TimeProvider.System.GetUtcNow().UtcDateTime - at : TimeSpan.Zero;
        return (await waiting.CountAsync(), age, await database.WebhookInbox.CountAsync(b => b.Status == "done"));
    }

    private static async Task<List<string>> CreateContactsAsync(HttpClient hubSpot)
    {
        var ids = new List<string>(Records);
        for (var chunk = 0; chunk < Records / 100; chunk++)
        {
            var inputs = Enumerable.Range(0, 100).Select(i => new { properties = new { email = $"drain{chunk * 100 + i}@example.com", jobtitle = "Analyst" } });
            var response = await hubSpot.PostAsJsonAsync("/crm/v3/objects/contacts/batch/create", new { inputs });
            response.EnsureSuccessStatusCode();
            ids.AddRange((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
        }

        return ids;
    }

    /// <summary>Property changes on random contacts of the set, as HubSpot sends them: one change often names several properties.</summary>
    private static string Body(long portalId, List<string> ids, Random random, int request)
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        return JsonSerializer.Serialize(Enumerable.Range(0, EventsPerRequest).Select(e => new
        {
            eventId = (long)request * EventsPerRequest + e, subscriptionId = 1, portalId, appId = 1, occurredAt = now,
            subscriptionType = "contact.propertyChange", attemptNumber = 0, objectId = long.Parse(ids[random.Next(ids.Count)], CultureInfo.InvariantCulture),
            propertyName = e % 2 == 0 ? "jobtitle" : "lifecyclestage", propertyValue = "x", changeSource = "CRM",
        }));
    }
}
