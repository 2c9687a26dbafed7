using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.MarketingEmails;

namespace Abm.HubSpot.Sandbox.Campaigns;

/// <summary>
/// A campaign's assets by type (<c>/marketing/v3/campaigns/{campaignGuid}/assets/{assetType}</c>): list, associate,
/// disassociate. A marketing email must exist to be associated; other asset types are taken on trust, as the sandbox
/// has no forms-as-assets or landing pages to check them against.
/// </summary>
internal static class CampaignAssetHandlers
{
    public static IResult List(string campaignGuid, string assetType, HttpContext http)
    {
        if (!CampaignRules.AssetTypes.Contains(assetType))
        {
            return UnknownAssetType(assetType);
        }

        var (limit, offset) = OffsetPaging.Read(http.Request, 10, 100);
        return Caller.Of(http).Portal.Read(state =>
        {
            if (CampaignHandlers.Find(state, campaignGuid) is not { } campaign)
            {
                return CampaignHandlers.NotFound(campaignGuid);
            }

            var assets = campaign.Assets.Where(a => a.AssetType == assetType).ToList();
            var page = assets.Skip(offset).Take(limit)
                .Select(a => new { id = a.AssetId, name = assetType == "MARKETING_EMAIL" ? MarketingEmailCatalogue.Find(a.AssetId)?.Name : null, metrics = new { } })
                .ToList();
            return SandboxJson.Json(new { results = page, paging = OffsetPaging.Next(offset, page.Count, assets.Count) });
        });
    }

    public static IResult Associate(string campaignGuid, string assetType, string assetId, HttpContext http, RecordWriter writer) =>
        Edit(campaignGuid, assetType, assetId, http, writer, add: true);

    public static IResult Disassociate(string campaignGuid, string assetType, string assetId, HttpContext http, RecordWriter writer) =>
        Edit(campaignGuid, assetType, assetId, http, writer, add: false);

    private static IResult Edit(string campaignGuid, string assetType, string assetId, HttpContext http, RecordWriter writer, bool add)
    {
        if (!CampaignRules.AssetTypes.Contains(assetType))
        {
            return UnknownAssetType(assetType);
        }

        if (assetType == "MARKETING_EMAIL" && MarketingEmailCatalogue.Find(assetId) is null)
        {
            return HubSpotErrors.NotFound($"Marketing email {assetId} does not exist");
        }

        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            if (CampaignHandlers.Find(context.State, campaignGuid) is not { } campaign)
            {
                return CampaignHandlers.NotFound(campaignGuid);
            }

            var link = new CampaignAssetLink(assetType, assetId);
            if (add && !campaign.Assets.Contains(link))
            {
                campaign.Assets.Add(link);
            }
            else if (!add)
            {
                campaign.Assets.Remove(link);
            }

            campaign.UpdatedAt = context.Now;
            return Results.NoContent();
        });
    }

    private static HubSpotError UnknownAssetType(string assetType) =>
        HubSpotErrors.Validation($"Unknown asset type '{assetType}'; expected one of {string.Join(", ", CampaignRules.AssetTypes)}");
}
