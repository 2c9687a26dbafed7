using System.Security.Claims;
using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Marketing.Email;

/// <summary>Marketing email templates, and sends of one to a contact or a list, now or scheduled.</summary>
internal static class EmailHandlers
{
    private static readonly TimeSpan LongestSchedule = TimeSpan.FromDays(365);

    public static async Task<IResult> TemplatesAsync(string? after, int? limit, ClaimsPrincipal user, HubSpotClients clients, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 100)
        {
            return HubSpotProblems.Invalid("limit", "limit must be between 1 and 100.");
        }

        if (after is { Length: > 200 })
        {
            return HubSpotProblems.Invalid("after", "after must be a cursor from a previous page.");
        }

        return await HubSpotProblems.CallAsync(clients, user.WorkspaceId(), async client =>
        {
            var page = await client.MarketingEmails.ListPageAsync(after, limit ?? 50, cancellationToken);
            return TypedResults.Ok(new EmailTemplatePageView([.. page.Emails.Select(EmailTemplateView.Of)], page.NextAfter));
        }, cancellationToken);
    }

    /// <summary>
    /// The workspace's sends, newest first, with <paramref name="status"/> when given: the scheduled ones waiting and the
    /// past ones with their performance. Local only: no HubSpot call.
    /// </summary>
    public static async Task<IResult> ListSendsAsync(string? status, int? limit, int? offset, AbmDbContext database, CancellationToken cancellationToken)
    {
        var (take, skip) = (limit ?? 25, offset ?? 0);
        if (status is not null && !EmailSendStatus.All.Contains(status))
        {
            return HubSpotProblems.Invalid("status", $"status must be one of {string.Join(", ", EmailSendStatus.All)}.");
        }

        if (take is < 1 or > 100 || skip < 0)
        {
            return HubSpotProblems.Invalid(skip < 0 ? "offset" : "limit", skip < 0 ? "offset must not be negative." : "limit must be between 1 and 100.");
        }

        var sends = database.MarketingEmailSends.AsNoTracking().Where(s => status == null || s.Status == status);
        var total = await sends.CountAsync(cancellationToken);
        var page = await sends.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        var items = new List<EmailSendSummaryView>(page.Count);
        foreach (var send in page)
        {
            items.Add(await EmailSendViews.SummaryAsync(database, send, cancellationToken));
        }

        return TypedResults.Ok(new EmailSendPageView(items, total));
    }

    public static async Task<IResult> GetSendAsync(Guid id, AbmDbContext database, CancellationToken cancellationToken) =>
        await database.MarketingEmailSends.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } send
            ? TypedResults.Ok(await EmailSendViews.BuildAsync(database, send, cancellationToken))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Send not found", detail: $"No marketing email send {id} in this workspace.");

    public static async Task<IResult> SendAsync(
        EmailSendRequest request, ClaimsPrincipal user, HubSpotClients clients, AbmDbContext database, EmailSendRunner runner, DueEmailSends due,
        IOptions<MarketingOptions> options, AuditTrail audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if ((request.ContactId is null) == (request.ListId is null))
        {
            return HubSpotProblems.Invalid("contactId", "Give exactly one recipient: contactId (one contact) or listId (a HubSpot list's members).");
        }

        if (request.SendAt is { } at && (at <= now || at > now + LongestSchedule))
        {
            return HubSpotProblems.Invalid("sendAt", at <= now ? "sendAt must be in the future (leave it out to send now)." : "sendAt must be within a year.");
        }

        Contact? contact = null;
        if (request.ContactId is { } contactId
            && (contact = await database.Contacts.FirstOrDefaultAsync(c => c.Id == contactId && c.ArchivedAt == null, cancellationToken)) is null)
        {
            return HubSpotProblems.Invalid("contactId", $"No contact {contactId} in this workspace.");
        }

        return await HubSpotProblems.CallAsync(clients, user.WorkspaceId(), async client =>
        {
            if (await client.MarketingEmails.GetAsync(request.EmailId, cancellationToken) is not { } email)
            {
                return HubSpotProblems.Invalid("emailId", $"The connected portal has no marketing email {request.EmailId}.");
            }

            if (request.ListId is { } listId && await ListRefusalAsync(client, listId, options.Value.MaxRecipients, cancellationToken) is { } refusal)
            {
                return HubSpotProblems.Invalid("listId", refusal);
            }

            var send = new MarketingEmailSend
            {
                Id = Guid.CreateVersion7(), WorkspaceId = user.WorkspaceId(), EmailId = email.Id, EmailName = email.Name,
                EmailCampaignIds = JsonSerializer.Serialize(email.EmailCampaignIds), ListId = request.ListId,
                Status = request.SendAt is null ? EmailSendStatus.Sending : EmailSendStatus.Scheduled,
                ScheduledFor = request.SendAt?.UtcDateTime,
                // Sending now: the request holds the claim; if this instance dies, the send comes due when the claim lapses.
                DueAt = request.SendAt?.UtcDateTime ?? due.ClaimEnd(now.UtcDateTime),
                Attempts = request.SendAt is null ? 1 : 0, StartedAt = request.SendAt is null ? now.UtcDateTime : null,
                CreatedBy = user.Actor(), CreatedAt = now.UtcDateTime,
            };
            database.MarketingEmailSends.Add(send);
            if (contact is not null)
            {
                database.MarketingEmailRecipients.Add(new MarketingEmailRecipient
                {
                    WorkspaceId = send.WorkspaceId, SendId = send.Id, HubSpotContactId = contact.HubSpotId, ContactId = contact.Id, Email = contact.Email, Outcome = RecipientOutcome.Pending,
                });
            }

            audit.Record(send.WorkspaceId, user, request.SendAt is null ? "hubspot.email_sent" : "hubspot.email_scheduled", "marketing_email_send", send.Id.ToString(),
                new { send.EmailId, send.ListId, contactId = contact?.Id, send.ScheduledFor });
            await database.SaveChangesAsync(cancellationToken);
            if (request.SendAt is null)
            {
                await runner.RunAsync(send, client, cancellationToken);
            }

            return TypedResults.Created($"/api/hubspot/email/sends/{send.Id}", await EmailSendViews.BuildAsync(database, send, cancellationToken));
        }, cancellationToken);
    }

    /// <summary>Why the list cannot be sent to (unknown, empty, too big), or null; the members themselves are read at send time.</summary>
    private static async Task<string?> ListRefusalAsync(Abm.HubSpot.HubSpotClient client, string listId, int maxRecipients, CancellationToken cancellationToken) =>
        await client.Lists.GetAsync(listId, cancellationToken) switch
        {
            null => $"The connected portal has no list {listId}.",
            { Size: 0 } => $"List {listId} has no members.",
            { Size: { } size } when size > maxRecipients => $"List {listId} has {size} members; one send takes at most {maxRecipients}.",
            _ => null,
        };
}
