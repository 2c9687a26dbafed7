using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Market.Sink;

/// <summary>
/// Delivers waiting site events to each portal's sink: batches to <c>/api/events</c> (idempotent through
/// <c>clientEventId</c>), tracked events one by one to <c>/t/collect</c>. Connection failures, timeouts, 429 and
/// 5xx answers keep the events and back off (0.5 s doubling up to a minute); a 400 drops what it refused and
/// counts it. Runs on real time: the receiver is a real server.
/// </summary>
internal sealed partial class EventSinkDispatcher(EventSinkRegistry sinks, ILogger<EventSinkDispatcher> logger) : BackgroundService
{
    // The collect endpoint ignores requests without a browser-like user agent (they look like link scanners).
    private const string BrowserAgent = "Mozilla/5.0 (compatible; simulated buyer of the ABM HubSpot sandbox)";
    private const int TrackedPerPass = 20;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromMinutes(1);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(15) };

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var sink in sinks.All.Where(s => s.Waiting > 0 && Stopwatch.GetTimestamp() >= s.NotBefore))
            {
                try
                {
                    var delivered = await DeliverApiAsync(sink, stoppingToken) && await DeliverTrackedAsync(sink, stoppingToken);
                    if (delivered)
                    {
                        sink.ConsecutiveFailures = 0;
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or JsonException || (exception is TaskCanceledException && !stoppingToken.IsCancellationRequested))
                {
                    BackOff(sink, exception.Message);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    BackOff(sink, exception.Message);
                    LogPassFailed(logger, sink.PortalId, exception);
                }
            }
        }
    }

    private async Task<bool> DeliverApiAsync(EventSink sink, CancellationToken cancellationToken)
    {
        var batch = sink.PeekApi(Math.Clamp(sink.Settings.BatchSize, 1, 1000));
        if (batch.Count == 0)
        {
            return true;
        }

        await sink.ContentIds.RefreshIfMissingAsync(_http, sink, batch.Select(e => e.ContentExternalId), cancellationToken);
        var events = batch.Select(e => SinkApiEvent.From(e, sink.ContentIds.Find(e.ContentExternalId))).ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{sink.Settings.Url!.TrimEnd('/')}/api/events")
        {
            Content = JsonContent.Create(new { events }, options: SandboxJson.Options),
        };
        request.Headers.Add("X-Api-Key", sink.Settings.ApiKey);
        using var response = await _http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            var result = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
            Interlocked.Add(ref sink.Accepted, Count(result, "accepted"));
            Interlocked.Add(ref sink.Duplicates, Count(result, "duplicates"));
            Interlocked.Add(ref sink.Rejected, Count(result, "rejected"));
            foreach (var errors in (result?["results"]?.AsArray() ?? []).Select(r => r?["errors"]).OfType<JsonArray>())
            {
                sink.NoteRejection(string.Join(" ", errors.Select(e => e?.ToString())));
            }

            sink.RemoveApi(batch.Count);
            return true;
        }

        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            Interlocked.Add(ref sink.Rejected, batch.Count);
            sink.NoteRejection($"Batch refused: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            sink.RemoveApi(batch.Count);
            return true;
        }

        BackOff(sink, $"POST /api/events answered {(int)response.StatusCode} {response.ReasonPhrase}");
        return false;
    }

    private async Task<bool> DeliverTrackedAsync(EventSink sink, CancellationToken cancellationToken)
    {
        var batch = sink.PeekTracked(TrackedPerPass);
        if (batch.Count > 0)
        {
            await sink.ContentIds.RefreshIfMissingAsync(_http, sink, batch.Select(e => e.ContentExternalId), cancellationToken);
        }

        foreach (var siteEvent in batch)
        {
            var body = new SinkCollectEvent(siteEvent.TrackingToken!, siteEvent.Type, sink.ContentIds.Find(siteEvent.ContentExternalId), siteEvent.Url, siteEvent.DurationSeconds, siteEvent.ClientEventId);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{sink.Settings.Url!.TrimEnd('/')}/t/collect")
            {
                Content = JsonContent.Create(body, options: SandboxJson.Options),
            };
            request.Headers.UserAgent.ParseAdd(BrowserAgent);
            using var response = await _http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref sink.Accepted);
            }
            else if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden)
            {
                // A refused token or event will be refused again: count it and move on.
                Interlocked.Increment(ref sink.Rejected);
                sink.NoteRejection($"/t/collect answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
            else
            {
                BackOff(sink, $"POST /t/collect answered {(int)response.StatusCode} {response.ReasonPhrase}");
                return false;
            }

            sink.RemoveTracked(1);
        }

        return true;
    }

    private static long Count(JsonObject? result, string name) => result?[name]?.GetValue<long>() ?? 0;

    private static void BackOff(EventSink sink, string reason)
    {
        sink.ConsecutiveFailures++;
        Interlocked.Increment(ref sink.FailedAttempts);
        sink.LastError = reason;
        var delay = TimeSpan.FromMilliseconds(Math.Min(MaxBackOff.TotalMilliseconds, 500 * Math.Pow(2, sink.ConsecutiveFailures - 1)));
        sink.NotBefore = Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Event sink pass failed for portal {PortalId}")]
    private static partial void LogPassFailed(ILogger logger, long portalId, Exception exception);
}
