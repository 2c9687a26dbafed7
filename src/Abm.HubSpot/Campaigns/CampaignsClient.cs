using System.Net;
using Abm.HubSpot.Crm;
using Abm.HubSpot.Http;

namespace Abm.HubSpot.Campaigns;

/// <summary>Marketing campaigns v3 (<c>/marketing/v3/campaigns</c>): list, read, create, and the assets of a campaign.</summary>
public sealed class CampaignsClient
{
    /// <summary>The properties read when none are named: what a campaign list shows.</summary>
    public static readonly IReadOnlyList<string> DefaultProperties =
        ["hs_name", "hs_start_date", "hs_end_date", "hs_campaign_status", "hs_notes", "hs_audience", "hs_currency_code", "hs_owner", "hs_color_hex"];

    private readonly HubSpotTransport _transport;

    internal CampaignsClient(HubSpotTransport transport) => _transport = transport;

    /// <summary>One page of campaigns (up to 100) from the cursor <paramref name="after"/>, optionally those whose name contains <paramref name="name"/>.</summary>
    public async Task<CampaignPage> ListPageAsync(string? after = null, int limit = 100, string? name = null, CancellationToken cancellationToken = default)
    {
        var path = HubSpotPaths.WithQuery(HubSpotPaths.Campaigns,
            ("limit", Math.Clamp(limit, 1, 100)), ("after", after), ("name", name), ("properties", DefaultProperties));
        var page = await _transport.SendAsync<PageDto<CampaignDto>>(HubSpotRequest.Get(path), cancellationToken);
        return new CampaignPage((page?.Results ?? []).Where(c => !string.IsNullOrEmpty(c.Id)).Select(c => c.ToCampaign()).ToList(), page?.NextAfter, page?.Total);
    }

    /// <summary>Every campaign, one call per page of 100.</summary>
    public async IAsyncEnumerable<Campaign> ListAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in CursorPaging.ReadAllAsync((after, ct) => ListPageAsync(after, 100, null, ct), page => page.NextAfter, null, cancellationToken))
        {
            foreach (var campaign in page.Campaigns)
            {
                yield return campaign;
            }
        }
    }

    /// <summary>The campaign, or null when HubSpot has none with that guid.</summary>
    public async Task<Campaign?> GetAsync(string campaignGuid, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(campaignGuid);
        try
        {
            var path = HubSpotPaths.WithQuery(HubSpotPaths.Campaign(campaignGuid), ("properties", DefaultProperties));
            return (await _transport.SendAsync<CampaignDto>(HubSpotRequest.Get(path), cancellationToken))?.ToCampaign();
        }
        catch (HubSpotApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Creates a campaign with the given properties (<c>hs_name</c> is required by HubSpot).</summary>
    public async Task<Campaign> CreateAsync(IReadOnlyDictionary<string, string?> properties, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var answer = await _transport.SendAsync<CampaignDto>(HubSpotRequest.Json(HttpMethod.Post, HubSpotPaths.Campaigns, new { properties }), cancellationToken);
        return answer?.ToCampaign() ?? throw new HubSpotApiException("HubSpot created the campaign but answered without it.");
    }

    /// <summary>One page of the campaign's assets of <paramref name="assetType"/> (e.g. <c>MARKETING_EMAIL</c>, <c>FORM</c>, <c>LANDING_PAGE</c>).</summary>
    public async Task<CampaignAssetPage> AssetPageAsync(string campaignGuid, string assetType, string? after = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(campaignGuid);
        ArgumentException.ThrowIfNullOrWhiteSpace(assetType);
        var path = HubSpotPaths.WithQuery(HubSpotPaths.CampaignAssets(campaignGuid, assetType), ("limit", Math.Clamp(limit, 1, 100)), ("after", after));
        var page = await _transport.SendAsync<PageDto<CampaignAssetDto>>(HubSpotRequest.Get(path), cancellationToken);
        return new CampaignAssetPage((page?.Results ?? []).Where(a => !string.IsNullOrEmpty(a.Id)).Select(a => new CampaignAsset(a.Id!, a.Name)).ToList(), page?.NextAfter);
    }

    /// <summary>Every asset of the campaign of <paramref name="assetType"/>, one call per page.</summary>
    public async Task<List<CampaignAsset>> AssetsAsync(string campaignGuid, string assetType, CancellationToken cancellationToken = default)
    {
        var assets = new List<CampaignAsset>();
        await foreach (var page in CursorPaging.ReadAllAsync((after, ct) => AssetPageAsync(campaignGuid, assetType, after, 100, ct), page => page.NextAfter, null, cancellationToken))
        {
            assets.AddRange(page.Assets);
        }

        return assets;
    }

    /// <summary>Associates an asset with the campaign (<c>PUT .../assets/{assetType}/{assetId}</c>); repeating it changes nothing.</summary>
    public async Task AddAssetAsync(string campaignGuid, string assetType, string assetId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(campaignGuid);
        await _transport.SendAsync<object>(HubSpotRequest.Json(HttpMethod.Put, HubSpotPaths.CampaignAsset(campaignGuid, assetType, assetId), null), cancellationToken);
    }
}
