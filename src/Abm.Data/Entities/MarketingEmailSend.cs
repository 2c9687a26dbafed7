namespace Abm.Data.Entities;

/// <summary>
/// One send of a HubSpot marketing email through the single-send API, to one contact or to a HubSpot list's members,
/// now or at a scheduled time. Sending claims the row by moving <see cref="DueAt"/> past a claim period, so two
/// instances never send it at once and one that dies mid-send leaves it to be finished when the claim lapses.
/// </summary>
public sealed class MarketingEmailSend : IWorkspaceScoped
{
    public Guid Id { get; set; }
    public Guid WorkspaceId { get; set; }

    /// <summary>HubSpot's id of the marketing email.</summary>
    public required string EmailId { get; set; }
    public string? EmailName { get; set; }

    /// <summary>The ids the email's events carry as <c>emailCampaignId</c>, as a JSON array: how opens and clicks are matched to it.</summary>
    public string EmailCampaignIds { get; set; } = "[]";

    /// <summary>The HubSpot list whose members receive it; null for a send to one contact.</summary>
    public string? ListId { get; set; }

    /// <summary><c>scheduled</c>, <c>sending</c>, <c>sent</c> or <c>failed</c>.</summary>
    public required string Status { get; set; }

    /// <summary>When the user asked it to go out; null for "now".</summary>
    public DateTime? ScheduledFor { get; set; }

    /// <summary>When a worker may take it next (the schedule, or the end of the current claim); null once finished.</summary>
    public DateTime? DueAt { get; set; }
    public int Attempts { get; set; }
    public string? Error { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}
