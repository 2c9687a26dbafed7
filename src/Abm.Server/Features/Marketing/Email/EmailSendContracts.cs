using System.ComponentModel.DataAnnotations;
using Abm.HubSpot.MarketingEmails;

namespace Abm.Server.Features.Marketing.Email;

/// <summary>A HubSpot marketing email (a template a send delivers).</summary>
internal sealed record EmailTemplateView(string Id, string Name, string? Subject, string? State, string? CampaignId, DateTimeOffset? UpdatedAt)
{
    public static EmailTemplateView Of(MarketingEmail email) => new(email.Id, email.Name, email.Subject, email.State, email.CampaignGuid, email.UpdatedAt);
}

internal sealed record EmailTemplatePageView(IReadOnlyList<EmailTemplateView> Items, string? NextAfter);

/// <summary>
/// Send marketing email <c>emailId</c> to one ABM contact (<c>contactId</c>) or to the members of a HubSpot list
/// (<c>listId</c>), exactly one of them; now, or at <c>sendAt</c> (a future time).
/// </summary>
internal sealed record EmailSendRequest(
    [property: Required, RegularExpression("^[0-9]{1,20}$", ErrorMessage = "emailId must be a HubSpot marketing email id (a number).")] string EmailId,
    Guid? ContactId,
    [property: RegularExpression("^[0-9]{1,20}$", ErrorMessage = "listId must be a HubSpot list id (a number).")] string? ListId,
    DateTimeOffset? SendAt);

/// <summary>One recipient of a send and what became of it (<c>pending</c>, <c>sent</c>, <c>skipped</c>, <c>failed</c>), with the reason.</summary>
internal sealed record EmailRecipientView(string HubSpotId, Guid? ContactId, string? Email, string Outcome, string? Reason, DateTime? SentAt);

/// <summary>
/// How a send did, from the recipients' outcomes and the email events the sync reads: <c>delivered</c> counts the
/// recipients HubSpot accepted the send for; <c>opened</c> / <c>clicked</c> the recipients with at least one open /
/// click of this email since it was sent to them; <c>opens</c> / <c>clicks</c> every such event.
/// </summary>
internal sealed record EmailSendPerformance(int Recipients, int Sent, int Skipped, int Failed, int Pending, int Delivered, int Opened, int Clicked, int Opens, int Clicks);

internal sealed record EmailSendView(
    Guid Id, string EmailId, string? EmailName, Guid? ContactId, string? ListId, string Status, DateTime? ScheduledFor, DateTime CreatedAt, DateTime? CompletedAt,
    string? Error, EmailSendPerformance Performance, IReadOnlyList<EmailRecipientView> Recipients);

/// <summary>A send in a page of sends: as <see cref="EmailSendView"/> without the recipient list; a send to one contact names its address.</summary>
internal sealed record EmailSendSummaryView(
    Guid Id, string EmailId, string? EmailName, Guid? ContactId, string? ContactEmail, string? ListId, string Status, DateTime? ScheduledFor, DateTime CreatedAt,
    DateTime? CompletedAt, string? Error, EmailSendPerformance Performance);

/// <summary>Sends newest first, and how many match.</summary>
internal sealed record EmailSendPageView(IReadOnlyList<EmailSendSummaryView> Items, int Total);

internal static class EmailSendStatus
{
    public const string Scheduled = "scheduled";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Scheduled, Sending, Sent, Failed];
}

internal static class RecipientOutcome
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
}
