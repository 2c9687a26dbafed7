namespace Abm.HubSpot.Email;

/// <summary>
/// One transactional email to send: the id of a transactional email built in HubSpot, the recipient, and
/// values for its personalization tokens. Give a <see cref="SendId"/> so that a retried or repeated send
/// (after a timeout, a crash, a second worker) is sent only once: HubSpot ignores a sendId it has seen.
/// </summary>
public sealed record TransactionalEmail
{
    public required long EmailId { get; init; }

    public required string To { get; init; }

    public string? SendId { get; init; }

    /// <summary>Contact property values for the email's contact tokens (also written to the contact).</summary>
    public IReadOnlyDictionary<string, string?>? ContactProperties { get; init; }

    /// <summary>Values for the email's custom tokens.</summary>
    public IReadOnlyDictionary<string, string?>? CustomProperties { get; init; }
}

/// <summary>
/// HubSpot's answer to a send: its status id (to look the send up later), <see cref="Status"/> (PENDING,
/// PROCESSING, CANCELED, COMPLETE) and, once known, <see cref="SendResult"/> (e.g. SENT, or IDEMPOTENT_IGNORE
/// for a repeated sendId).
/// </summary>
public sealed record TransactionalSendStatus(string? StatusId, string? Status, string? SendResult, DateTimeOffset? RequestedAt);

internal sealed record SingleSendMessageDto(string To, string? SendId);

internal sealed record SingleSendBodyDto(
    long EmailId,
    SingleSendMessageDto Message,
    IReadOnlyDictionary<string, string?>? ContactProperties,
    IReadOnlyDictionary<string, string?>? CustomProperties)
{
    public static SingleSendBodyDto From(TransactionalEmail email) =>
        new(email.EmailId, new SingleSendMessageDto(email.To, email.SendId), email.ContactProperties, email.CustomProperties);
}
