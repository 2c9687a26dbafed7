using System.Collections.Concurrent;
using Abm.Server.Features.Live;

namespace Abm.Server.Tests.Live;

/// <summary>Notices a subscriber received, and a way to wait for the one a test expects.</summary>
internal sealed class LiveNoticeCollector : IDisposable
{
    private readonly ConcurrentQueue<LiveNotice> _received = new();
    private readonly IDisposable _subscription;
    private readonly SemaphoreSlim _arrived = new(0);

    public LiveNoticeCollector(LiveHub hub, Guid workspaceId, params string[] kinds) =>
        _subscription = hub.Subscribe(workspaceId, kinds, notice =>
        {
            _received.Enqueue(notice);
            _arrived.Release();
        });

    public IReadOnlyList<LiveNotice> Received => [.. _received];

    /// <summary>Waits until a notice matching <paramref name="match"/> arrived; fails the test if none does within a minute.</summary>
    public async Task<LiveNotice> WaitForAsync(Func<LiveNotice, bool> match)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            if (_received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            try
            {
                await _arrived.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new ShouldAssertException($"No expected notice arrived; received: {string.Join(", ", _received.Select(n => n.Kind))}");
            }
        }
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _arrived.Dispose();
    }
}
