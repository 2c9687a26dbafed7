namespace Abm.Server.Features.Sync;

/// <summary>Wakes the sync worker when a run is queued, so it starts at once instead of at its next round.</summary>
internal sealed class SyncSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        // At most one pending wake-up: several requests in a row need only one round.
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke it first.
            }
        }
    }

    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _wake.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The round's time came without a wake-up.
        }
    }

    public void Dispose() => _wake.Dispose();
}
