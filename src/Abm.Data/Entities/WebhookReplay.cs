namespace Abm.Data.Entities;

/// <summary>
/// A webhook signature already accepted, kept until the request it signed is too old to be accepted anyway: a
/// second request with the same signature is a replay. Shared through the database, so every instance sees it.
/// </summary>
public sealed class WebhookReplay
{
    /// <summary>SHA-256 of the signature version and value; the signature itself is never stored.</summary>
    public required byte[] SignatureHash { get; set; }
    public DateTime ExpiresAt { get; set; }
}
