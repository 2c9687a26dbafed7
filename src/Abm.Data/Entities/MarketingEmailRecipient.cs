namespace Abm.Data.Entities;

/// <summary>
/// One recipient of a <see cref="MarketingEmailSend"/> and what became of it: <c>pending</c>, <c>sent</c>, <c>skipped</c>
/// (no consent, unsubscribed, unknown here) or <c>failed</c>, with the reason. Keyed by the send and the contact's
/// HubSpot id, which also makes the HubSpot <c>sendId</c>, so a repeated attempt is never a second email.
/// </summary>
public sealed class MarketingEmailRecipient : IWorkspaceScoped
{
    public Guid WorkspaceId { get; set; }
    public Guid SendId { get; set; }
    public required string HubSpotContactId { get; set; }
    public Guid? ContactId { get; set; }
    public string? Email { get; set; }
    public required string Outcome { get; set; }
    public string? Reason { get; set; }
    public string? HubSpotStatusId { get; set; }
    public DateTime? SentAt { get; set; }
}
