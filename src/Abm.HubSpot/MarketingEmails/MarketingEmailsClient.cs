using System.Net;
using Abm.HubSpot.Crm;
using Abm.HubSpot.Email;
using Abm.HubSpot.Http;

namespace Abm.HubSpot.MarketingEmails;

/// <summary>Marketing emails v3 (<c>/marketing/v3/emails</c>) and their single sends (<c>/marketing/v4/email/single-send</c>).</summary>
public sealed class MarketingEmailsClient
{
    private readonly HubSpotTransport _transport;

    internal MarketingEmailsClient(HubSpotTransport transport) => _transport = transport;

    /// <summary>One page of the portal's marketing emails (up to 100) from the cursor <paramref name="after"/>.</summary>
    public async Task<MarketingEmailPage> ListPageAsync(string? after = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        var path = HubSpotPaths.WithQuery(HubSpotPaths.MarketingEmails, ("limit", Math.Clamp(limit, 1, 100)), ("after", after));
        var page = await _transport.SendAsync<PageDto<MarketingEmailDto>>(HubSpotRequest.Get(path), cancellationToken);
        return new MarketingEmailPage((page?.Results ?? []).Where(e => !string.IsNullOrEmpty(e.Id)).Select(e => e.ToEmail()).ToList(), page?.NextAfter, page?.Total);
    }

    /// <summary>The marketing email, or null when HubSpot has none with that id.</summary>
    public async Task<MarketingEmail?> GetAsync(string emailId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(emailId);
        try
        {
            return (await _transport.SendAsync<MarketingEmailDto>(HubSpotRequest.Get(HubSpotPaths.MarketingEmail(emailId)), cancellationToken))?.ToEmail();
        }
        catch (HubSpotApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// Sends a marketing email to one recipient (single-send v4; the body has the transactional send's shape). With a
    /// <see cref="TransactionalEmail.SendId"/> the call is safe to repeat: HubSpot sends at most once per sendId.
    /// <see cref="TransactionalSendStatus.SendResult"/> says when HubSpot refused the recipient (e.g. PREVIOUSLY_UNSUBSCRIBED_PORTAL).
    /// </summary>
    public async Task<TransactionalSendStatus> SendAsync(TransactionalEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var body = SingleSendBodyDto.From(email with { SendId = email.SendId ?? Guid.NewGuid().ToString("N") });
        var request = HubSpotRequest.Json(HttpMethod.Post, HubSpotPaths.MarketingSingleSend, body);
        return await _transport.SendAsync<TransactionalSendStatus>(request, cancellationToken) ?? new TransactionalSendStatus(null, null, null, null);
    }
}
