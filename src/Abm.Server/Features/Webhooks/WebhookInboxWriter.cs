using System.Threading.Channels;

namespace Abm.Server.Features.Webhooks;

/// <summary>
/// Stores received batches in groups: requests arriving together share one transaction, so a burst costs one
/// disk flush instead of one per request. Each request is still answered only after its own batch is committed.
/// </summary>
internal sealed partial class WebhookInboxWriter(IServiceScopeFactory scopes, WebhookSignal signal, ILogger<WebhookInboxWriter> logger) : BackgroundService
{
    private const int MaxGroup = 500;

    private readonly Channel<PendingWrite> _writes = Channel.CreateBounded<PendingWrite>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>
    /// Completes once the batch is durable, with false when it was not stored because its signature was seen
    /// within the replay window; throws if it could not be stored (the caller answers an error and HubSpot retries).
    /// </summary>
    public async Task<bool> StoreAsync(byte[] body, WebhookReplayKey key, CancellationToken cancellationToken)
    {
        var write = new PendingWrite(body, key, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _writes.Writer.WriteAsync(write, cancellationToken);
        return await write.Stored.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<PendingWrite>(MaxGroup);
        try
        {
            while (await _writes.Reader.WaitToReadAsync(stoppingToken))
            {
                while (group.Count < MaxGroup && _writes.Reader.TryRead(out var write))
                {
                    group.Add(write);
                }

                await WriteGroupAsync(group, stoppingToken);
                group.Clear();
            }
        }
        finally
        {
            // Requests still waiting at shutdown get an error rather than hanging; HubSpot sends them again.
            _writes.Writer.TryComplete();
            while (_writes.Reader.TryRead(out var waiting))
            {
                group.Add(waiting);
            }

            foreach (var write in group)
            {
                write.Stored.TrySetCanceled(CancellationToken.None);
            }
        }
    }

    private async Task WriteGroupAsync(List<PendingWrite> group, CancellationToken cancellationToken)
    {
        bool[] replayed;
        try
        {
            replayed = await StoreAsync(group, cancellationToken);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested && group.Count > 1)
        {
            // One body the database refuses must not fail the requests that happened to share its transaction.
            LogGroupFailed(group.Count, error);
            foreach (var write in group)
            {
                await WriteGroupAsync([write], cancellationToken);
            }

            return;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            LogWriteFailed(error);
            group[0].Stored.TrySetException(error);
            return;
        }

        for (var i = 0; i < group.Count; i++)
        {
            group[i].Stored.TrySetResult(!replayed[i]);
        }

        if (replayed.Any(r => r))
        {
            LogReplays(replayed.Count(r => r));
        }

        signal.Notify();
    }

    private async Task<bool[]> StoreAsync(List<PendingWrite> group, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WebhookInbox>().AddAsync([.. group.Select(w => (w.Body, w.Key))], cancellationToken);
    }

    private sealed record PendingWrite(byte[] Body, WebhookReplayKey Key, TaskCompletionSource<bool> Stored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored {Count} webhook requests whose signature was already accepted within the replay window")]
    private partial void LogReplays(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {Count} webhook batches together failed; storing them one by one")]
    private partial void LogGroupFailed(int count, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "A webhook batch could not be stored; the request is answered with an error so HubSpot sends it again")]
    private partial void LogWriteFailed(Exception error);
}
