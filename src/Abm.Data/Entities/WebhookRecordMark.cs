namespace Abm.Data.Entities;

/// <summary>
/// The newest webhook event already applied to one HubSpot record: an event that is not newer describes a
/// state the record was re-read after, so a late or repeated delivery of it is skipped without a HubSpot call.
/// </summary>
public sealed class WebhookRecordMark : IWorkspaceScoped
{
    public Guid WorkspaceId { get; set; }
    /// <summary>"contacts", "companies" or "deals".</summary>
    public required string ObjectType { get; set; }
    public required string HubSpotId { get; set; }
    public DateTime LastOccurredAt { get; set; }
}
