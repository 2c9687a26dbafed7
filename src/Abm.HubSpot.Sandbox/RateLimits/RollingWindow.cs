namespace Abm.HubSpot.Sandbox.RateLimits;

/// <summary>Counts calls in a window that rolls with the simulated clock. Not thread-safe; the ledger locks.</summary>
internal sealed class RollingWindow(TimeSpan length)
{
    private readonly Queue<DateTimeOffset> _calls = new();

    /// <summary>Takes one slot when fewer than <paramref name="max"/> calls fall in the window ending at <paramref name="now"/>.</summary>
    public bool TryAcquire(DateTimeOffset now, int max, out int remaining)
    {
        while (_calls.Count > 0 && _calls.Peek() <= now - length)
        {
            _calls.Dequeue();
        }

        if (_calls.Count >= max)
        {
            remaining = 0;
            return false;
        }

        _calls.Enqueue(now);
        remaining = max - _calls.Count;
        return true;
    }
}
