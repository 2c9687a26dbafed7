namespace Abm.HubSpot.Sandbox.Webhooks;

/// <summary>The app's webhook settings and subscriptions, shared by every portal it is installed in.</summary>
internal sealed class WebhookStore
{
    private readonly Lock _gate = new();
    private readonly List<WebhookSubscription> _subscriptions = [];
    private WebhookSettings? _settings;
    private long _nextId = 1_000_001;

    public WebhookSettings? Settings
    {
        get
        {
            lock (_gate)
            {
                return _settings;
            }
        }
    }

    public WebhookSettings PutSettings(string targetUrl, int maxConcurrentRequests, DateTimeOffset now)
    {
        lock (_gate)
        {
            _settings = new WebhookSettings(targetUrl, maxConcurrentRequests, _settings?.CreatedAt ?? now, now);
            return _settings;
        }
    }

    public bool DeleteSettings()
    {
        lock (_gate)
        {
            var existed = _settings is not null;
            _settings = null;
            return existed;
        }
    }

    public IReadOnlyList<WebhookSubscription> Subscriptions
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.ToList();
            }
        }
    }

    /// <summary>Adds a subscription unless an identical one exists (then returns null).</summary>
    public WebhookSubscription? Add(string eventType, string? propertyName, bool active, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_subscriptions.Any(s => s.EventType == eventType && s.PropertyName == propertyName))
            {
                return null;
            }

            var subscription = new WebhookSubscription(_nextId++, eventType, propertyName, active, now, now);
            _subscriptions.Add(subscription);
            return subscription;
        }
    }

    public WebhookSubscription? SetActive(long id, bool active, DateTimeOffset now)
    {
        lock (_gate)
        {
            var index = _subscriptions.FindIndex(s => s.Id == id);
            if (index < 0)
            {
                return null;
            }

            _subscriptions[index] = _subscriptions[index] with { Active = active, UpdatedAt = now };
            return _subscriptions[index];
        }
    }

    public bool Remove(long id)
    {
        lock (_gate)
        {
            return _subscriptions.RemoveAll(s => s.Id == id) > 0;
        }
    }

    /// <summary>Settings, subscriptions and the next subscription id, for the data file.</summary>
    public WebhookConfiguration Export()
    {
        lock (_gate)
        {
            return new WebhookConfiguration(_settings, [.. _subscriptions], _nextId);
        }
    }

    public void Import(WebhookConfiguration configuration)
    {
        lock (_gate)
        {
            _settings = configuration.Settings;
            _subscriptions.Clear();
            _subscriptions.AddRange(configuration.Subscriptions);
            _nextId = configuration.NextId;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _subscriptions.Clear();
            _settings = null;
        }
    }
}
