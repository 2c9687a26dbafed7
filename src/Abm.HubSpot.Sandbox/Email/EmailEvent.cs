namespace Abm.HubSpot.Sandbox.Email;

/// <summary>A marketing email event (SENT, DELIVERED, OPEN, CLICK) as the email events API reports it.</summary>
internal sealed record EmailEvent(string Id, DateTimeOffset Created, string Type, string Recipient, long EmailCampaignId, string? Url = null);
