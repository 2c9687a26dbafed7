using Abm.HubSpot.Sandbox.Auth;

namespace Abm.HubSpot.Sandbox.Campaigns;

/// <summary>Routes of the marketing campaigns v3 API.</summary>
internal static class CampaignEndpoints
{
    public static IEndpointRouteBuilder MapCampaignEndpoints(this IEndpointRouteBuilder app)
    {
        var campaigns = app.MapGroup("/marketing/v3/campaigns");
        campaigns.MapGet("", CampaignHandlers.List).RequiresScope(KnownScopes.CampaignsRead);
        campaigns.MapPost("", CampaignHandlers.CreateAsync).RequiresScope(KnownScopes.CampaignsWrite);
        campaigns.MapGet("/{campaignGuid}", CampaignHandlers.Get).RequiresScope(KnownScopes.CampaignsRead);
        campaigns.MapGet("/{campaignGuid}/assets/{assetType}", CampaignAssetHandlers.List).RequiresScope(KnownScopes.CampaignsRead);
        campaigns.MapPut("/{campaignGuid}/assets/{assetType}/{assetId}", CampaignAssetHandlers.Associate).RequiresScope(KnownScopes.CampaignsWrite);
        campaigns.MapDelete("/{campaignGuid}/assets/{assetType}/{assetId}", CampaignAssetHandlers.Disassociate).RequiresScope(KnownScopes.CampaignsWrite);
        return app;
    }
}
