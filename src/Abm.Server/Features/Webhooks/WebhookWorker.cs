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
    /// <summary>
    /// Batches claimed and applied together. Their events are pooled, so the more a claim holds the fewer HubSpot
    /// reads per event; 500 batches of 100 events name at most 50,000 records, re-read well within the claim's hold.
    /// </summary>
    private const int ClaimSize = 500;

    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);

    private DateTimeOffset _nextPruneAt = DateTimeOffset.MinValue;

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

    /// <summary>Claims and applies due batches, many at a time, until none is left, pruning the replay cache when due.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // Inside the loop: under a steady stream the drain may never find the inbox empty.
            await PruneReplaysAsync(cancellationToken);
            await using var scope = scopes.CreateAsyncScope();
            var inbox = scope.ServiceProvider.GetRequiredService<WebhookInbox>();
            var batches = await inbox.ClaimAsync(ClaimSize, cancellationToken);
            if (batches.Count == 0)
            {
                return;
            }

            IReadOnlyList<BatchResult> results;
            try
            {
                results = await processor.ProcessAsync(batches, cancellationToken);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                // Nothing was learnt about any batch (say the database went away): all of them back off.
                LogClaimFailed(batches.Count, error);
                results = [.. batches.Select(b => new BatchResult(b, null, $"{error.GetType().Name}: {error.Message}"))];
            }

            // Settled only now, after every workspace's records were applied: a crash before this leaves the
            // batches claimed, due again when the claim ends, and the records already applied are skipped then.
            var failures = results.Where(r => r.Failure is not null).Select(r => (r.Batch, r.Failure!)).ToList();
            await inbox.FailAsync(failures, cancellationToken);
            await inbox.SettleAsync([.. results.Where(r => r.Outcome is not null).Select(r => (r.Batch.Id, r.Outcome!))], cancellationToken);
        }
    }

    private async Task PruneReplaysAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < _nextPruneAt)
        {
            return;
        }

        _nextPruneAt = now + PruneInterval;
        await using var scope = scopes.CreateAsyncScope();
        var pruned = await scope.ServiceProvider.GetRequiredService<WebhookReplayCache>().PruneAsync(cancellationToken);
        if (pruned > 0)
        {
            LogPruned(pruned);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying {Count} claimed webhook batches failed; they are retried after a back-off")]
    private partial void LogClaimFailed(int count, Exception error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Pruned {Count} expired webhook replay keys")]
    private partial void LogPruned(int count);
}
