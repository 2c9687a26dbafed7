namespace Abm.HubSpot.Sandbox.Webhooks;

/// <summary>Where the app wants its events and how many requests per portal may be in flight.</summary>
internal sealed record WebhookSettings(string TargetUrl, int MaxConcurrentRequests, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>One subscription of the app (eventType such as contact.propertyChange, optionally for one property).</summary>
internal sealed record WebhookSubscription(long Id, string EventType, string? PropertyName, bool Active, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static readonly IReadOnlySet<string> KnownEventTypes = new HashSet<string>(
        from prefix in new[] { "contact", "company", "deal" }
        from suffix in new[] { "creation", "deletion", "propertyChange", "merge", "associationChange", "restore" }
        select $"{prefix}.{suffix}",
        StringComparer.Ordinal);
}

/// <summary>The app's whole webhook configuration at one moment.</summary>
internal sealed record WebhookConfiguration(WebhookSettings? Settings, IReadOnlyList<WebhookSubscription> Subscriptions, long NextId);
