using System.Diagnostics;
using System.Globalization;
using System.Text;
using Abm.HubSpot.Webhooks;

namespace Abm.Benchmarks;

/// <summary>Latencies of one schedule of signed webhook requests, with how many were not answered 200.</summary>
internal sealed record ScheduleResult(double[] SortedLatencies, int Failures, int Events, TimeSpan Elapsed)
{
    public double Percentile(double p) => SortedLatencies[Math.Min(SortedLatencies.Length - 1, (int)Math.Ceiling(p * SortedLatencies.Length) - 1)];

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Events / Elapsed.TotalSeconds:N0} events/s over {Elapsed.TotalSeconds:F1} s, {SortedLatencies.Length:N0} requests, {Failures} not 200: p50 {Percentile(0.50):F1} ms, p95 {Percentile(0.95):F1} ms, p99 {Percentile(0.99):F1} ms, max {SortedLatencies[^1]:F1} ms (target p99 < 100 ms)");
}

/// <summary>
/// Signed webhook requests posted on a fixed schedule, each sent when due whether or not earlier ones have
/// answered (so a slow answer cannot hide the requests queued behind it), and the time to each answer recorded.
/// </summary>
internal static class WebhookLoad
{
    public const string Path = "/webhooks/hubspot";

    public static async Task<ScheduleResult> RunAsync(
        HttpClient client, string baseUrl, string secret, int requestsPerSecond, TimeSpan duration, Func<int, (string Body, int Events)> request)
    {
        var total = (int)(duration.TotalSeconds * requestsPerSecond);
        var interval = TimeSpan.FromSeconds(1.0 / requestsPerSecond);
        var latencies = new double[total];
        var (failures, events) = (0, 0);
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
            var (body, count) = request(i);
            events += count;
            var message = Signed(secret, baseUrl, body);
            inFlight.Add(Task.Run(async () =>
            {
                var sent = Stopwatch.StartNew();
                using var response = await client.SendAsync(message);
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
        return new ScheduleResult(latencies, failures, events, elapsed);
    }

    private static HttpRequestMessage Signed(string secret, string baseUrl, string body)
    {
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-HubSpot-Signature-v3", WebhookSignature.V3(secret, "POST", baseUrl.TrimEnd('/') + Path, Encoding.UTF8.GetBytes(body), timestamp));
        request.Headers.Add("X-HubSpot-Request-Timestamp", timestamp);
        return request;
    }
}
