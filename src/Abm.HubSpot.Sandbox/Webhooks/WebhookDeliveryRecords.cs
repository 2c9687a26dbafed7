namespace Abm.HubSpot.Sandbox.Webhooks;

/// <summary>Optional misbehaviour of the delivery pipeline, seeded so a run can be repeated.</summary>
internal sealed record WebhookChaos
{
    /// <summary>Probability that an event is delivered a second time in a later request.</summary>
    public double DuplicateRate { get; init; }

    /// <summary>Shuffles the events inside each request.</summary>
    public bool Reorder { get; init; }

    public int Seed { get; init; } = 1;
}

/// <summary>A request to send: a batch of at most 100 events of one portal, and which attempt it is.</summary>
internal sealed record PendingDelivery(long DeliveryId, long PortalId, IReadOnlyList<WebhookEvent> Events, int Attempt, DateTimeOffset DueAt);

/// <summary>What happened to one delivery attempt, for the admin API.</summary>
internal sealed record DeliveryRecord(
    long DeliveryId,
    long PortalId,
    int Attempt,
    int EventCount,
    int? StatusCode,
    string Outcome,
    DateTimeOffset At,
    DateTimeOffset? NextAttemptAt);
