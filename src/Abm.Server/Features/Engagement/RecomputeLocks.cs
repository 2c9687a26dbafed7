using System.Collections.Concurrent;

namespace Abm.Server.Features.Engagement;

/// <summary>
/// One recompute per workspace at a time inside this process (worker, nightly pass and API would
/// otherwise race to insert the same score rows). Other instances are handled by retrying the chunk.
/// </summary>
internal sealed class RecomputeLocks
{
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _locks = new();

    public async Task<IDisposable> TakeAsync(Guid workspaceId, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(workspaceId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
