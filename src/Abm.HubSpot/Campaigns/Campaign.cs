namespace Abm.HubSpot.Campaigns;

/// <summary>
/// A marketing campaign (marketing campaigns v3): its guid and properties such as <c>hs_name</c>, <c>hs_start_date</c>,
/// <c>hs_end_date</c>, <c>hs_campaign_status</c>, <c>hs_notes</c>, <c>hs_audience</c>, <c>hs_currency_code</c>.
/// </summary>
public sealed record Campaign(string Id, IReadOnlyDictionary<string, string?> Properties, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt)
{
    public string? Get(string property) => Properties.GetValueOrDefault(property);
}

/// <summary>One page of campaigns and the cursor of the next page (null on the last).</summary>
public sealed record CampaignPage(IReadOnlyList<Campaign> Campaigns, string? NextAfter, int? Total);

/// <summary>One asset of a campaign (a marketing email, a form, a landing page...), by HubSpot's id for that asset type.</summary>
public sealed record CampaignAsset(string Id, string? Name);

/// <summary>One page of a campaign's assets of one type and the cursor of the next page (null on the last).</summary>
public sealed record CampaignAssetPage(IReadOnlyList<CampaignAsset> Assets, string? NextAfter);

// Wire shapes; every field optional.
internal sealed record CampaignDto(string? Id, Dictionary<string, string?>? Properties, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt)
{
    public Campaign ToCampaign() => new(Id ?? "", Properties ?? [], CreatedAt, UpdatedAt);
}

internal sealed record CampaignAssetDto(string? Id, string? Name);
