namespace Abm.Data.Entities;

/// <summary>
/// What is kept of an erased contact: salted hashes of its HubSpot id and email (never the values), when it was
/// erased and who asked. Sync and webhooks look these up so the person is not brought back.
/// </summary>
public sealed class PrivacyTombstone : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    /// <summary>The local id the contact had: a random id, not the person's data, kept so erasing again is harmless.</summary>
    public Guid ContactId { get; set; }
    public string? HubSpotIdHash { get; set; }
    public string? EmailHash { get; set; }
    public DateTime ErasedAt { get; set; }
    public required string RequestedBy { get; set; }
}
