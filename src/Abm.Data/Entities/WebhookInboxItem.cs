namespace Abm.Data.Entities;

/// <summary>A webhook batch as received: stored before it is acknowledged, applied later by a worker.</summary>
public sealed class WebhookInboxItem
{
    public Guid Id { get; set; }
    /// <summary>Null until the portal in the batch is matched to a workspace.</summary>
    public Guid? WorkspaceId { get; set; }
    public required string Payload { get; set; }
    public string Status { get; set; } = "pending";
    public int Attempts { get; set; }
    public string? Error { get; set; }
    public DateTime ReceivedAt { get; set; }
    /// <summary>
    /// When the batch may be claimed: on arrival at once; while claimed, the end of the claim (a crashed
    /// instance's batch becomes due again); after a failure, the end of its back-off.
    /// </summary>
    public DateTime NextAttemptAt { get; set; }
    public DateTime? ProcessedAt { get; set; }
}
