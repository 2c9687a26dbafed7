using Abm.Data;
using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Marketing.Email;

/// <summary>A send as the API shows it: its recipients' outcomes and its performance from the stored email events.</summary>
internal static class EmailSendViews
{
    public static async Task<EmailSendView> BuildAsync(AbmDbContext database, MarketingEmailSend send, CancellationToken cancellationToken)
    {
        var recipients = await RecipientsAsync(database, send, cancellationToken);
        return new EmailSendView(
            send.Id, send.EmailId, send.EmailName, SingleContact(send, recipients)?.ContactId, send.ListId, send.Status,
            send.ScheduledFor, send.CreatedAt, send.CompletedAt, send.Error, await PerformanceAsync(database, send, recipients, cancellationToken),
            [.. recipients.Select(r => new EmailRecipientView(r.HubSpotContactId, r.ContactId, r.Email, r.Outcome, r.Reason, r.SentAt))]);
    }

    /// <summary>The send without its recipient list, as a page of sends shows it.</summary>
    public static async Task<EmailSendSummaryView> SummaryAsync(AbmDbContext database, MarketingEmailSend send, CancellationToken cancellationToken)
    {
        var recipients = await RecipientsAsync(database, send, cancellationToken);
        var single = SingleContact(send, recipients);
        return new EmailSendSummaryView(
            send.Id, send.EmailId, send.EmailName, single?.ContactId, single?.Email, send.ListId, send.Status,
            send.ScheduledFor, send.CreatedAt, send.CompletedAt, send.Error, await PerformanceAsync(database, send, recipients, cancellationToken));
    }

    private static Task<List<MarketingEmailRecipient>> RecipientsAsync(AbmDbContext database, MarketingEmailSend send, CancellationToken cancellationToken) =>
        database.MarketingEmailRecipients.AsNoTracking().Where(r => r.SendId == send.Id).OrderBy(r => r.HubSpotContactId).ToListAsync(cancellationToken);

    private static MarketingEmailRecipient? SingleContact(MarketingEmailSend send, List<MarketingEmailRecipient> recipients) =>
        send.ListId is null ? recipients.FirstOrDefault() : null;

    private static async Task<EmailSendPerformance> PerformanceAsync(
        AbmDbContext database, MarketingEmailSend send, List<MarketingEmailRecipient> recipients, CancellationToken cancellationToken)
    {
        var sent = recipients.Where(r => r.Outcome == RecipientOutcome.Sent && r.ContactId is not null && r.SentAt is not null).ToList();
        var events = sent.Count == 0 ? [] : await MarketingEmailEvents.ReadAsync(
            database, MarketingEmailEvents.ParseIds(send.EmailCampaignIds), sent.Min(r => r.SentAt!.Value), [.. sent.Select(r => r.ContactId!.Value)], cancellationToken);
        // An event counts for a recipient only from the moment this send reached them.
        var sentAt = sent.ToDictionary(r => r.ContactId!.Value, r => r.SentAt!.Value);
        var ours = events.Where(e => e.OccurredAt >= sentAt[e.ContactId]).ToList();
        var opens = ours.Where(e => e.Type == MarketingEmailEvents.Open).ToList();
        var clicks = ours.Where(e => e.Type == MarketingEmailEvents.Click).ToList();
        return new EmailSendPerformance(
            recipients.Count, sent.Count,
            recipients.Count(r => r.Outcome == RecipientOutcome.Skipped), recipients.Count(r => r.Outcome == RecipientOutcome.Failed),
            recipients.Count(r => r.Outcome == RecipientOutcome.Pending), recipients.Count(r => r.Outcome == RecipientOutcome.Sent),
            opens.Select(e => e.ContactId).Distinct().Count(), clicks.Select(e => e.ContactId).Distinct().Count(), opens.Count, clicks.Count);
    }
}
