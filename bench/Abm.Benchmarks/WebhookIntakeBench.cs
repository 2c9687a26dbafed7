using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Abm.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Benchmarks;

/// <summary>
/// Webhook intake over real HTTP on loopback: signed batches posted at a fixed rate of 1,000 events/s, then
/// sustained at 20,000 events/s, each request sent on schedule whether or not earlier ones have answered (so a
/// slow answer cannot hide the requests queued behind it), and the time to each 200 recorded. The worker runs alongside and settles
/// every stored batch (its portal is unknown, so no HubSpot call is made).
/// </summary>
internal static class WebhookIntakeBench
{
    private const string OperatorKey = "webhook-bench-operator-key-0123456789ab";
    private const string Secret = "webhook-bench-client-secret";
    private const int EventsPerSecond = 1_000;

    /// <summary>HubSpot's largest batches, 200 a second: the sustained intake the PostgreSQL target names.</summary>
    private const int SustainedEventsPerSecond = 20_000;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);

    public static async Task RunAsync(TextWriter output)
    {
        var culture = CultureInfo.InvariantCulture;
        await using var server = await BenchServer.StartAsync("webhooks", OperatorKey, $"--HUBSPOT_CLIENT_SECRET={Secret}", "--Logging:LogLevel:Default=Error");
        var (app, baseUrl) = (server.App, server.Address.ToString());
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(baseUrl) };
        output.WriteLine(string.Create(culture, $"Server on {baseUrl} ({app.Services.GetRequiredService<DatabaseTarget>()}), {Environment.ProcessorCount} cores"));

        await RunScheduleAsync(client, baseUrl, eventsPerRequest: 10, EventsPerSecond, TimeSpan.FromSeconds(3), output: null); // warm-up, not reported
        foreach (var (eventsPerRequest, eventsPerSecond) in new[] { (10, EventsPerSecond), (100, EventsPerSecond), (100, SustainedEventsPerSecond) })
        {
            await RunScheduleAsync(client, baseUrl, eventsPerRequest, eventsPerSecond, Duration, output);
        }

        var drain = Stopwatch.StartNew();
        while (await PendingAsync(app.Services) > 0 && drain.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(100);
        }

        var left = await PendingAsync(app.Services);
        output.WriteLine(string.Create(culture, $"Worker: every stored batch settled {drain.Elapsed.TotalMilliseconds:F0} ms after the last request ({left} left)"));
    }

    private static async Task RunScheduleAsync(HttpClient client, string baseUrl, int eventsPerRequest, int eventsPerSecond, TimeSpan duration, TextWriter? output)
    {
        var requestsPerSecond = eventsPerSecond / eventsPerRequest;
        var result = await WebhookLoad.RunAsync(client, baseUrl, Secret, requestsPerSecond, duration, i => (Body(i, eventsPerRequest), eventsPerRequest));
        output?.WriteLine($"Intake, {eventsPerRequest} events per request at {requestsPerSecond} requests/s ({result.Describe()})");
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

    private static async Task<int> PendingAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<AbmDbContext>();
        return await database.WebhookInbox.CountAsync(b => b.Status == "pending" || b.Status == "processing");
    }

}
