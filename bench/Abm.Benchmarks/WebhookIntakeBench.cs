using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Abm.Data;
using Abm.HubSpot.Webhooks;
using Abm.Server;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Benchmarks;

/// <summary>
/// Webhook intake over real HTTP on loopback: signed batches posted at a fixed rate of 1,000 events/s, each
/// request sent on schedule whether or not earlier ones have answered (so a slow answer cannot hide the
/// requests queued behind it), and the time to each 200 recorded. The worker runs alongside and settles
/// every stored batch (its portal is unknown, so no HubSpot call is made).
/// </summary>
internal static class WebhookIntakeBench
{
    private const string Secret = "webhook-bench-client-secret";
    private const int EventsPerSecond = 1_000;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);

    public static async Task RunAsync(TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        var scratch = Directory.CreateTempSubdirectory("abm-webhooks-").FullName;
        string[] args =
        [
            "--urls=http://127.0.0.1:0", $"--HUBSPOT_CLIENT_SECRET={Secret}", "--Scoring:NightlyPassEnabled=false",
            $"--DataProtection:KeysPath={Path.Combine(scratch, "keys")}", "--Logging:LogLevel:Default=Error",
            .. Environment.GetEnvironmentVariable("DATABASE_URL") is { Length: > 0 } ? Array.Empty<string>() : [$"--ConnectionStrings:Abm=Data Source={Path.Combine(scratch, "abm.db")}"],
        ];
        await using var app = AbmApp.Build(args);
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(baseUrl) };
        output.WriteLine(string.Create(culture, $"Server on {baseUrl} ({app.Services.GetRequiredService<DatabaseTarget>()}), {Environment.ProcessorCount} cores"));

        await RunScheduleAsync(client, baseUrl, eventsPerRequest: 10, TimeSpan.FromSeconds(3), output: null); // warm-up, not reported
        foreach (var eventsPerRequest in new[] { 10, 100 })
        {
            await RunScheduleAsync(client, baseUrl, eventsPerRequest, Duration, output);
        }

        var drain = Stopwatch.StartNew();
        while (await PendingAsync(app.Services) > 0 && drain.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(100);
        }

        var left = await PendingAsync(app.Services);
        output.WriteLine(string.Create(culture, $"Worker: every stored batch settled {drain.Elapsed.TotalMilliseconds:F0} ms after the last request ({left} left)"));
        await app.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(scratch, recursive: true);
    }

    private static async Task RunScheduleAsync(HttpClient client, string baseUrl, int eventsPerRequest, TimeSpan duration, TextWriter? output)
    {
        var requestsPerSecond = EventsPerSecond / eventsPerRequest;
        var total = (int)(duration.TotalSeconds * requestsPerSecond);
        var interval = TimeSpan.FromSeconds(1.0 / requestsPerSecond);
        var latencies = new double[total];
        var failures = 0;
        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = interval * i;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var index = i;
            var request = Signed(baseUrl, Body(index, eventsPerRequest));
            inFlight.Add(Task.Run(async () =>
            {
                var sent = Stopwatch.StartNew();
                using var response = await client.SendAsync(request);
                latencies[index] = sent.Elapsed.TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }));
        }

        await Task.WhenAll(inFlight);
        var elapsed = clock.Elapsed;
        Array.Sort(latencies);
        output?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Intake, {eventsPerRequest} events per request at {requestsPerSecond} requests/s ({total * eventsPerRequest / elapsed.TotalSeconds:N0} events/s over {elapsed.TotalSeconds:F1} s, {total:N0} requests, {failures} not 200): p50 {Percentile(latencies, 0.50):F1} ms, p95 {Percentile(latencies, 0.95):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {latencies[^1]:F1} ms (target p99 < 100 ms)"));
    }

    private static string Body(int request, int events)
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds();
        return JsonSerializer.Serialize(Enumerable.Range(0, events).Select(e => new
        {
            eventId = (long)request * events + e, subscriptionId = 1, portalId = 424242, appId = 1, occurredAt = now,
            subscriptionType = "contact.propertyChange", attemptNumber = 0, objectId = 1_000_000 + (request * 7 + e) % 5_000,
            propertyName = "jobtitle", propertyValue = "Director", changeSource = "CRM",
        }));
    }

    private static HttpRequestMessage Signed(string baseUrl, string body)
    {
        const string path = "/webhooks/hubspot";
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-HubSpot-Signature-v3", WebhookSignature.V3(Secret, "POST", baseUrl.TrimEnd('/') + path, Encoding.UTF8.GetBytes(body), timestamp));
        request.Headers.Add("X-HubSpot-Request-Timestamp", timestamp);
        return request;
    }

    private static async Task<int> PendingAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
        return await database.WebhookInbox.CountAsync(b => b.Status == "pending" || b.Status == "processing");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
