namespace Abm.HubSpot.MarketingEmails;

/// <summary>
/// A marketing email built in HubSpot (marketing emails v3): the template a single send delivers. <see cref="State"/> is
/// HubSpot's (DRAFT, PUBLISHED, ...); <see cref="CampaignGuid"/> the campaign it belongs to; <see cref="EmailCampaignIds"/>
/// the ids its email events carry as <c>emailCampaignId</c>.
/// </summary>
public sealed record MarketingEmail(
    string Id, string Name, string? Subject, string? State, string? Type, string? CampaignGuid, IReadOnlyList<long> EmailCampaignIds,
    DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt);

/// <summary>One page of marketing emails and the cursor of the next page (null on the last).</summary>
public sealed record MarketingEmailPage(IReadOnlyList<MarketingEmail> Emails, string? NextAfter, int? Total);

// Wire shape; every field optional.
internal sealed record MarketingEmailDto(
    string? Id, string? Name, string? Subject, string? State, string? Type, string? Campaign, List<long>? AllEmailCampaignIds, long? PrimaryEmailCampaignId,
    DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt)
{
    public MarketingEmail ToEmail() => new(
        Id ?? "", Name ?? "", Subject, State, Type, string.IsNullOrEmpty(Campaign) ? null : Campaign,
        AllEmailCampaignIds is { Count: > 0 } all ? all : PrimaryEmailCampaignId is { } primary ? [primary] : [],
        CreatedAt, UpdatedAt);
}
