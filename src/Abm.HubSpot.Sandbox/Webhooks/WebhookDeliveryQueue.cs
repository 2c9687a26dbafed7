namespace Abm.HubSpot.Sandbox.Webhooks;

/// <summary>
/// Events waiting to be sent and failed requests waiting to be retried. Retries follow a doubling
/// backoff on the simulated clock (1 minute up to 8 hours, 10 retries within a day, as HubSpot does),
/// so advancing the clock makes them due at once.
/// </summary>
internal sealed class WebhookDeliveryQueue(TimeProvider clock)
{
    public const int MaxEventsPerRequest = 100;
    public const int MaxRetries = 10;

    private readonly Lock _gate = new();
    private readonly Dictionary<long, List<WebhookEvent>> _fresh = [];
    private readonly List<PendingDelivery> _scheduled = [];
    private WebhookChaos _chaos = new();
    private Random _random = new(1);
    private long _nextDeliveryId = 1;

    public WebhookChaos Chaos
    {
        get
        {
            lock (_gate)
            {
                return _chaos;
            }
        }

        set
        {
            lock (_gate)
            {
                _chaos = value;
                _random = new Random(value.Seed);
            }
        }
    }

    public void Enqueue(WebhookEvent webhookEvent)
    {
        lock (_gate)
        {
            if (!_fresh.TryGetValue(webhookEvent.PortalId, out var events))
            {
                events = [];
                _fresh[webhookEvent.PortalId] = events;
            }

            events.Add(webhookEvent);
            if (_chaos.DuplicateRate > 0 && _random.NextDouble() < _chaos.DuplicateRate)
            {
                // Goes out again in a later request, as HubSpot's at-least-once delivery sometimes does.
                _scheduled.Add(NewDelivery(webhookEvent.PortalId, [webhookEvent], 0, clock.GetUtcNow()));
            }
        }
    }

    /// <summary>Due requests, at most <paramref name="maxConcurrentPerPortal"/> per portal; they leave the queue.</summary>
    public IReadOnlyList<PendingDelivery> TakeDue(int maxConcurrentPerPortal)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var (portalId, events) in _fresh)
            {
                foreach (var chunk in events.Chunk(MaxEventsPerRequest))
                {
                    _scheduled.Add(NewDelivery(portalId, _chaos.Reorder ? [.. chunk.OrderBy(_ => _random.Next())] : chunk, 0, now));
                }
            }

            _fresh.Clear();
            var due = _scheduled.Where(d => d.DueAt <= now)
                .GroupBy(d => d.PortalId)
                .SelectMany(g => g.OrderBy(d => d.DueAt).ThenBy(d => d.DeliveryId).Take(maxConcurrentPerPortal))
                .ToList();
            foreach (var delivery in due)
            {
                _scheduled.Remove(delivery);
            }

            return due;
        }
    }

    /// <summary>Schedules the next attempt; returns when it is due, or null when retries are exhausted.</summary>
    public DateTimeOffset? Retry(PendingDelivery failed)
    {
        if (failed.Attempt >= MaxRetries)
        {
            return null;
        }

        var retry = failed.Attempt + 1;
        var dueAt = clock.GetUtcNow() + TimeSpan.FromMinutes(Math.Min(Math.Pow(2, retry - 1), 480));
        lock (_gate)
        {
            _scheduled.Add(failed with { Attempt = retry, DueAt = dueAt });
        }

        return dueAt;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _fresh.Clear();
            _scheduled.Clear();
        }
    }

    private PendingDelivery NewDelivery(long portalId, IReadOnlyList<WebhookEvent> events, int attempt, DateTimeOffset dueAt) =>
        new(_nextDeliveryId++, portalId, events, attempt, dueAt);
}
