namespace Abm.HubSpot.Sandbox.Webhooks;

/// <summary>The most recent delivery attempts, newest last, for tests and the demo to inspect.</summary>
internal sealed class WebhookDeliveryLog
{
    private const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private readonly Queue<DeliveryRecord> _records = new();

    public void Add(DeliveryRecord record)
    {
        lock (_gate)
        {
            _records.Enqueue(record);
            while (_records.Count > Capacity)
            {
                _records.Dequeue();
            }
        }
    }

    public IReadOnlyList<DeliveryRecord> Snapshot()
    {
        lock (_gate)
        {
            return _records.ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _records.Clear();
        }
    }
}
