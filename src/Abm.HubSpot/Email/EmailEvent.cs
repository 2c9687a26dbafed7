namespace Abm.HubSpot.Email;

/// <summary>
/// Which marketing email events to read. <see cref="EventType"/> is HubSpot's (SENT, DELIVERED, OPEN, CLICK,
/// BOUNCE, ...); null reads every type. Times bound the event's creation, inclusive.
/// </summary>
public sealed record EmailEventQuery
{
    public string? EventType { get; init; }

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    public string? Recipient { get; init; }

    public long? CampaignId { get; init; }

    /// <summary>Events per page, 1 to 1,000 (HubSpot's maximum; larger pages mean fewer calls).</summary>
    public int PageSize { get; init; } = 1_000;
}

/// <summary>One marketing email event: an open or click is the engagement the engine scores; <see cref="Url"/> is a click's link.</summary>
public sealed record EmailEvent(string Id, string? Type, string? Recipient, DateTimeOffset? Created, long? EmailCampaignId, string? Url);

/// <summary>One page of events and the offset of the next page (null when HubSpot says there is no more).</summary>
public sealed record EmailEventPage(IReadOnlyList<EmailEvent> Events, string? Offset);

// Wire shapes of the email events API; every field optional, times are epoch milliseconds.
internal sealed record EmailEventDto(string? Id, string? Type, string? Recipient, long? Created, long? EmailCampaignId, string? Url)
{
    public EmailEvent ToEvent() =>
        new(Id ?? "", Type, Recipient, Created is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null, EmailCampaignId, Url);
}

internal sealed record EmailEventPageDto(List<EmailEventDto>? Events, bool HasMore, string? Offset);
