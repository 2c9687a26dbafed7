using Abm.Server.Background;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Webhooks;

/// <summary>
/// Applies stored webhook batches: right after this instance stores one, and every few seconds for batches
/// other instances stored or that wait for a retry. A failing batch backs off; the loop always survives.
/// </summary>
internal sealed partial class WebhookWorker(
    IServiceScopeFactory scopes, WebhookBatchProcessor processor, WebhookSignal signal, IOptions<WebhookOptions> options, TimeProvider clock,
    ILogger<WebhookWorker> logger) : BackgroundService
{
    private const int ClaimSize = 50;

    // After a wake-up, batches arriving in the next moments are claimed together: fewer, larger transactions
    // leave the database free for intake, whose latency HubSpot sees.
    private static readonly TimeSpan GatherDelay = TimeSpan.FromMilliseconds(200);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        WorkerLoop.RunAsync(nameof(WebhookWorker), DrainAsync, WaitAsync, clock, logger, stoppingToken);

    private async Task WaitAsync(CancellationToken stoppingToken)
    {
        await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.IntervalSeconds), stoppingToken);
        await Task.Delay(GatherDelay, clock, stoppingToken);
    }

    /// <summary>Claims and applies due batches until none is left.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var inbox = scope.ServiceProvider.GetRequiredService<WebhookInbox>();
            var batches = await inbox.ClaimAsync(ClaimSize, cancellationToken);
            if (batches.Count == 0)
            {
                return;
            }

            var settled = new List<(Guid, BatchOutcome)>(batches.Count);
            foreach (var batch in batches)
            {
                try
                {
                    settled.Add((batch.Id, await processor.ProcessAsync(batch, cancellationToken)));
                }
                catch (Exception error) when (!cancellationToken.IsCancellationRequested)
                {
                    // An HTTP timeout is a cancellation too, so only our own stop request ends the loop.
                    await inbox.FailAsync(batch, $"{error.GetType().Name}: {error.Message}", cancellationToken);
                    LogBatchFailed(batch.Id, batch.Attempts, error);
                }
            }

            await inbox.SettleAsync(settled, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook batch {BatchId} failed on attempt {Attempt}; it is retried after a back-off")]
    private partial void LogBatchFailed(Guid batchId, int attempt, Exception error);
}
