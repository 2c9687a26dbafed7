using System.ComponentModel.DataAnnotations;
using Abm.HubSpot.Campaigns;

namespace Abm.Server.Features.Marketing.Campaigns;

/// <summary>A new HubSpot marketing campaign; <c>status</c> is one of planned, in_progress, active, paused, completed.</summary>
internal sealed record CreateCampaignRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    DateOnly? StartDate,
    DateOnly? EndDate,
    [property: StringLength(2000)] string? Notes,
    [property: StringLength(500)] string? Audience,
    [property: RegularExpression("^[A-Z]{3}$", ErrorMessage = "currencyCode must be a three-letter ISO 4217 code such as EUR.")] string? CurrencyCode,
    [property: AllowedValues(null, "planned", "in_progress", "active", "paused", "completed", ErrorMessage = "status must be planned, in_progress, active, paused or completed.")] string? Status);

/// <summary>A campaign as the API shows it, with HubSpot's properties under their plain names.</summary>
internal sealed record CampaignView(
    string Id, string? Name, string? Status, DateOnly? StartDate, DateOnly? EndDate, string? Notes, string? Audience, string? CurrencyCode,
    DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt)
{
    public static CampaignView Of(Campaign campaign) => new(
        campaign.Id, campaign.Get("hs_name"), campaign.Get("hs_campaign_status"), DateOf(campaign.Get("hs_start_date")), DateOf(campaign.Get("hs_end_date")),
        campaign.Get("hs_notes"), campaign.Get("hs_audience"), campaign.Get("hs_currency_code"), campaign.CreatedAt, campaign.UpdatedAt);

    private static DateOnly? DateOf(string? value) => DateOnly.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var date) ? date : null;
}

internal sealed record CampaignPageView(IReadOnlyList<CampaignView> Items, int Total);

internal sealed record CampaignAssetView(string AssetType, string Id, string? Name);

internal sealed record CampaignAssetsView(string CampaignId, IReadOnlyList<CampaignAssetView> Assets);

/// <summary>
/// A campaign's results over its window (start date to end date, or to now), computed from the local copy: see
/// docs/api.md for each figure's exact definition.
/// </summary>
internal sealed record CampaignPerformanceView(
    string CampaignId, DateOnly? From, DateOnly? To, IReadOnlyList<string> EmailIds, int Sends, int Opens, int Clicks, int OpenedContacts, int ClickedContacts,
    int InfluencedContacts, int InfluencedDeals, decimal InfluencedDealAmount, IReadOnlyList<Guid> InfluencedDealIds);

internal static class CampaignStatuses
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { "planned", "in_progress", "active", "paused", "completed" };
}
