using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Webhooks;

/// <summary>
/// Applies stored webhook batches: right after this instance stores one, and every few seconds for batches
/// other instances stored or that wait for a retry. A failing batch backs off; the loop always survives.
/// </summary>
internal sealed partial class WebhookWorker(
    IServiceScopeFactory scopes, WebhookBatchProcessor processor, WebhookSignal signal, IOptions<WebhookOptions> options, ILogger<WebhookWorker> logger) : BackgroundService
{
    private const int ClaimSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(error);
            }

            await signal.WaitAsync(TimeSpan.FromSeconds(options.Value.IntervalSeconds), stoppingToken);
        }
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

            foreach (var batch in batches)
            {
                try
                {
                    var outcome = await processor.ProcessAsync(batch, cancellationToken);
                    await inbox.SettleAsync(batch.Id, outcome.Status, outcome.WorkspaceId, outcome.Note, cancellationToken);
                }
                catch (Exception error) when (!cancellationToken.IsCancellationRequested)
                {
                    // An HTTP timeout is a cancellation too, so only our own stop request ends the loop.
                    await inbox.FailAsync(batch, $"{error.GetType().Name}: {error.Message}", cancellationToken);
                    LogBatchFailed(batch.Id, batch.Attempts, error);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook pass failed; it is retried on the next tick")]
    private partial void LogPassFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook batch {BatchId} failed on attempt {Attempt}; it is retried after a back-off")]
    private partial void LogBatchFailed(Guid batchId, int attempt, Exception error);
}
