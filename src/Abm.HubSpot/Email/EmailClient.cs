using Abm.HubSpot.Http;

namespace Abm.HubSpot.Email;

/// <summary>Transactional single sends, and the marketing email events (opens, clicks, ...) the engine reads as engagement.</summary>
public sealed class EmailClient
{
    private const int MaxEventPageSize = 1_000;

    private readonly HubSpotTransport _transport;

    internal EmailClient(HubSpotTransport transport) => _transport = transport;

    /// <summary>
    /// Sends one transactional email. With a <see cref="TransactionalEmail.SendId"/> the call is safe to
    /// repeat: HubSpot sends at most once per sendId. Without one the client makes one up for this call, so
    /// its own retries (after a timeout whose send did go through) cannot send the email twice.
    /// </summary>
    public async Task<TransactionalSendStatus> SendTransactionalAsync(TransactionalEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var body = SingleSendBodyDto.From(email with { SendId = email.SendId ?? Guid.NewGuid().ToString("N") });
        var request = HubSpotRequest.Json(HttpMethod.Post, HubSpotPaths.TransactionalSingleSend, body);
        return await _transport.SendAsync<TransactionalSendStatus>(request, cancellationToken) ?? new TransactionalSendStatus(null, null, null, null);
    }

    /// <summary>
    /// The email's subscription statuses (communication preferences v3). <see cref="SubscriptionStatuses.OptedOut"/>
    /// says whether the address may no longer be emailed: opted out of all email, or unsubscribed from everything.
    /// </summary>
    public async Task<SubscriptionStatuses> GetSubscriptionStatusAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var answer = await _transport.SendAsync<SubscriptionStatusesDto>(HubSpotRequest.Get(HubSpotPaths.SubscriptionStatus(email)), cancellationToken);
        return new SubscriptionStatuses(answer?.Recipient ?? email,
            (answer?.SubscriptionStatuses ?? []).Select(s => new SubscriptionStatus(s.Id ?? "", s.Name, s.Status ?? "", s.SourceOfStatus)).ToList());
    }

    /// <summary>One page of events; pass the previous page's <see cref="EmailEventPage.Offset"/> to continue (null starts at the beginning).</summary>
    public async Task<EmailEventPage> ListEventPageAsync(EmailEventQuery query, string? offset = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var path = HubSpotPaths.WithQuery(
            HubSpotPaths.EmailEvents,
            ("eventType", query.EventType),
            ("startTimestamp", query.Since?.ToUnixTimeMilliseconds()),
            ("endTimestamp", query.Until?.ToUnixTimeMilliseconds()),
            ("recipient", query.Recipient),
            ("campaignId", query.CampaignId),
            ("limit", Math.Clamp(query.PageSize, 1, MaxEventPageSize)),
            ("offset", offset));
        var page = await _transport.SendAsync<EmailEventPageDto>(HubSpotRequest.Get(path), cancellationToken);
        // The offset alone does not say whether more follow; hasMore does.
        var next = page is { HasMore: true, Offset: { Length: > 0 } cursor } ? cursor : null;
        return new EmailEventPage((page?.Events ?? []).Select(e => e.ToEvent()).ToList(), next);
    }

    /// <summary>Every page of events matching <paramref name="query"/> from <paramref name="offset"/>, one call per page.</summary>
    public IAsyncEnumerable<EmailEventPage> ListEventPagesAsync(EmailEventQuery query, string? offset = null, CancellationToken cancellationToken = default) =>
        CursorPaging.ReadAllAsync((cursor, ct) => ListEventPageAsync(query, cursor, ct), page => page.Offset, offset, cancellationToken);
}
