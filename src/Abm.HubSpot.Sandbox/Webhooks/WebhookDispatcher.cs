using System.Globalization;
using System.Text;
using System.Text.Json;
using Abm.HubSpot.Sandbox.Hosting;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Webhooks;

/// <summary>
/// Turns CRM changes into webhook events and delivers them: JSON arrays of at most 100 events, signed
/// (v3 and v1), at most <c>maxConcurrentRequests</c> requests per portal in flight, retried on connection
/// failure, timeout or any non-2xx answer.
/// </summary>
internal sealed partial class WebhookDispatcher(
    ChangeFeed feed,
    WebhookStore store,
    WebhookDeliveryQueue queue,
    WebhookDeliveryLog log,
    DeveloperApp app,
    SandboxOptions options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private readonly HttpClient _http = new() { Timeout = options.WebhookTimeout };
    private long _lastEventId;

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.WebhookPollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogTickFailed(logger, exception);
            }
        }
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var settings = store.Settings;
        var subscriptions = store.Subscriptions;
        while (feed.Reader.TryRead(out var change))
        {
            // Without a target URL HubSpot has nowhere to send events, so they are not kept.
            if (settings is null)
            {
                continue;
            }

            foreach (var webhookEvent in WebhookEventFactory.For(change, subscriptions, app.AppId, () => Interlocked.Increment(ref _lastEventId)))
            {
                queue.Enqueue(webhookEvent);
            }
        }

        if (settings is null)
        {
            return;
        }

        var due = queue.TakeDue(settings.MaxConcurrentRequests);
        await Task.WhenAll(due.Select(delivery => DeliverAsync(delivery, settings.TargetUrl, cancellationToken)));
    }

    private async Task DeliverAsync(PendingDelivery delivery, string targetUrl, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(delivery.Events.Select(e => e with { AttemptNumber = delivery.Attempt }), SandboxJson.Options);
        // A request leaves at a real moment: a clock kept behind real time (catching up after a start in the past)
        // dates what happened, not when it is sent, so receivers that check the stamp's freshness accept it.
        var timestamp = (options.ClockCappedAtRealTime ? TimeProvider.System : clock).GetUtcNow().ToUnixTimeMilliseconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, targetUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-HubSpot-Signature-v3", WebhookSignature.V3(app.ClientSecret, "POST", targetUrl, body, timestamp));
        request.Headers.Add("X-HubSpot-Request-Timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-HubSpot-Signature", WebhookSignature.V1(app.ClientSecret, body));
        request.Headers.Add("X-HubSpot-Signature-Version", "v1");
        int? status = null;
        string outcome;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            outcome = response.IsSuccessStatusCode ? "delivered" : "rejected";
        }
        catch (HttpRequestException)
        {
            outcome = "connection-failed";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = "timed-out";
        }

        var nextAttemptAt = outcome == "delivered" ? null : queue.Retry(delivery);
        if (outcome != "delivered" && nextAttemptAt is null)
        {
            outcome += "-gave-up";
        }

        log.Add(new DeliveryRecord(delivery.DeliveryId, delivery.PortalId, delivery.Attempt, delivery.Events.Count, status, outcome, clock.GetUtcNow(), nextAttemptAt));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook dispatch pass failed")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
