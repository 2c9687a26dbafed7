using System.Globalization;
using Abm.Data;
using Abm.Data.Entities;
using Abm.HubSpot;
using Abm.HubSpot.Email;
using Abm.Server.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Marketing.Email;

/// <summary>
/// Sends a claimed send: a list send first becomes its recipients (the list's members at that moment, each matched to a
/// synced contact), then each pending recipient is checked against the contact's email consent (the same answer
/// nurture uses: address, HubSpot opt-out, local withdrawal) and sent through the marketing single-send with a sendId
/// fixed per send and contact. Each outcome is saved as it happens, so a crash loses at most the one in flight, and
/// HubSpot ignores its repeat. A HubSpot failure leaves the rest pending and the send due again after a back-off.
/// </summary>
internal sealed partial class EmailSendRunner(
    AbmDbContext database, ContactConsent consent, DueEmailSends due, IOptions<MarketingOptions> options, TimeProvider clock, ILogger<EmailSendRunner> logger)
{
    private static readonly HashSet<string> AcceptedResults = new(StringComparer.Ordinal) { "SENT", "QUEUED", "IDEMPOTENT_IGNORE" };

    /// <summary>Claims and runs the workspace's due sends until none is left; returns how many ran.</summary>
    public async Task<int> RunDueAsync(HubSpotClient client, CancellationToken cancellationToken)
    {
        var ran = 0;
        while (await due.ClaimAsync(cancellationToken) is { Count: > 0 } claimed)
        {
            foreach (var send in claimed)
            {
                await RunAsync(send, client, cancellationToken);
                ran++;
            }
        }

        return ran;
    }

    /// <summary>Runs one send this caller holds the claim of (tracked by the context).</summary>
    public async Task RunAsync(MarketingEmailSend send, HubSpotClient client, CancellationToken cancellationToken)
    {
        try
        {
            if (send.ListId is { } listId && !await database.MarketingEmailRecipients.AnyAsync(r => r.SendId == send.Id, cancellationToken)
                && await ExpandListAsync(send, client, listId, cancellationToken) is { } refusal)
            {
                Finish(send, EmailSendStatus.Failed, refusal);
                await database.SaveChangesAsync(cancellationToken);
                return;
            }

            await SendPendingAsync(send, client, cancellationToken);
            Finish(send, EmailSendStatus.Sent, null);
        }
        catch (Exception error) when (HubSpotFailure.Is(error) && !cancellationToken.IsCancellationRequested)
        {
            LogSendFailed(send.Id, send.Attempts, error.Message);
            if (send.Attempts >= options.Value.MaxAttempts)
            {
                Finish(send, EmailSendStatus.Failed, $"HubSpot kept failing ({send.Attempts} tries): {error.Message}");
            }
            else
            {
                send.Error = error.Message;
                send.DueAt = clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(Math.Min(1800, 30 << Math.Min(send.Attempts, 6)));
            }
        }

        await database.SaveChangesAsync(cancellationToken);
    }

    private async Task<string?> ExpandListAsync(MarketingEmailSend send, HubSpotClient client, string listId, CancellationToken cancellationToken)
    {
        var members = new List<string>();
        await foreach (var page in client.Lists.MembershipsAsync(listId, cancellationToken: cancellationToken))
        {
            members.AddRange(page.Select(m => m.RecordId));
            if (members.Count > options.Value.MaxRecipients)
            {
                return $"list {listId} has more than {options.Value.MaxRecipients} members (Marketing:MaxRecipients)";
            }
        }

        if (members.Count == 0)
        {
            return $"list {listId} had no members at send time";
        }

        var contacts = await database.Contacts.Where(c => members.Contains(c.HubSpotId) && c.ArchivedAt == null)
            .Select(c => new { c.HubSpotId, c.Id, c.Email }).ToDictionaryAsync(c => c.HubSpotId, cancellationToken);
        foreach (var member in members.Distinct())
        {
            var known = contacts.GetValueOrDefault(member);
            database.MarketingEmailRecipients.Add(new MarketingEmailRecipient
            {
                WorkspaceId = send.WorkspaceId, SendId = send.Id, HubSpotContactId = member, ContactId = known?.Id, Email = known?.Email,
                Outcome = known is null ? RecipientOutcome.Skipped : RecipientOutcome.Pending,
                Reason = known is null ? "unknown_contact: the list member is not synced into this workspace" : null,
            });
        }

        await database.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task SendPendingAsync(MarketingEmailSend send, HubSpotClient client, CancellationToken cancellationToken)
    {
        var pending = await database.MarketingEmailRecipients.Where(r => r.SendId == send.Id && r.Outcome == RecipientOutcome.Pending).ToListAsync(cancellationToken);
        var contactIds = pending.Select(r => r.ContactId).OfType<Guid>().ToList();
        var contacts = await database.Contacts.Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var emailId = long.Parse(send.EmailId, CultureInfo.InvariantCulture);
        foreach (var recipient in pending)
        {
            if (recipient.ContactId is not { } id || !contacts.TryGetValue(id, out var contact) || contact.ArchivedAt is not null)
            {
                Settle(recipient, RecipientOutcome.Skipped, "unknown_contact: the contact is no longer in this workspace");
            }
            else if (await consent.EmailRefusalAsync(contact, cancellationToken) is { } refusal)
            {
                Settle(recipient, RecipientOutcome.Skipped, refusal);
            }
            else
            {
                var status = await client.MarketingEmails.SendAsync(
                    new TransactionalEmail { EmailId = emailId, To = contact.Email!, SendId = SendIdOf(send, recipient) }, cancellationToken);
                recipient.Email = contact.Email;
                recipient.HubSpotStatusId = status.StatusId;
                var result = status.SendResult;
                if (result is null || AcceptedResults.Contains(result))
                {
                    Settle(recipient, RecipientOutcome.Sent, null);
                }
                else
                {
                    Settle(recipient, result.Contains("UNSUBSCRIBED", StringComparison.Ordinal) || result.Contains("OPTED_OUT", StringComparison.Ordinal) ? RecipientOutcome.Skipped : RecipientOutcome.Failed,
                        $"{(result.Contains("UNSUBSCRIBED", StringComparison.Ordinal) ? "unsubscribed: " : "")}HubSpot did not send it ({result})");
                }
            }

            RenewClaim(send);
            await database.SaveChangesAsync(cancellationToken);
        }
    }

    // A long list send keeps its claim alive (saved with each outcome), so no other instance takes it while it is running.
    private void RenewClaim(MarketingEmailSend send)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (send.DueAt is { } claimEnd && claimEnd - now < TimeSpan.FromSeconds(options.Value.ClaimSeconds / 2.0))
        {
            send.DueAt = due.ClaimEnd(now);
        }
    }

    /// <summary>HubSpot ignores a sendId it has seen: the same per send and contact, whoever sends it and however often.</summary>
    public static string SendIdOf(MarketingEmailSend send, MarketingEmailRecipient recipient) => $"abm-{send.Id:N}-{recipient.HubSpotContactId}";

    private void Settle(MarketingEmailRecipient recipient, string outcome, string? reason)
    {
        recipient.Outcome = outcome;
        recipient.Reason = reason;
        recipient.SentAt = outcome == RecipientOutcome.Sent ? clock.GetUtcNow().UtcDateTime : null;
    }

    private void Finish(MarketingEmailSend send, string status, string? error)
    {
        send.Status = status;
        send.Error = error;
        send.DueAt = null;
        send.CompletedAt = clock.GetUtcNow().UtcDateTime;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marketing email send {SendId} failed on try {Attempt}; it is retried after a back-off: {Reason}")]
    private partial void LogSendFailed(Guid sendId, int attempt, string reason);
}
