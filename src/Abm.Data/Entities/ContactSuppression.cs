namespace Abm.Data.Entities;

/// <summary>
/// One purpose (email, tracking or profiling) withdrawn locally for one contact, whatever HubSpot's own consent
/// properties say: a person asked the team directly, say. Removed when the purpose is allowed again.
/// </summary>
public sealed class ContactSuppression : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public Guid ContactId { get; set; }

    /// <summary>email, tracking or profiling.</summary>
    public required string Purpose { get; set; }

    public string? Reason { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}
