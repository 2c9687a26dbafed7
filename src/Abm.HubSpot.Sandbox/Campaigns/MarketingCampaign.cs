namespace Abm.HubSpot.Sandbox.Campaigns;

/// <summary>One asset of a campaign: its type (MARKETING_EMAIL, FORM, ...) and HubSpot's id for it.</summary>
internal sealed record CampaignAssetLink(string AssetType, string AssetId);

/// <summary>A marketing campaign (campaigns v3). Mutated only under its portal's lock.</summary>
internal sealed class MarketingCampaign(string id, Dictionary<string, string?> properties, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public Dictionary<string, string?> Properties { get; } = properties;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    /// <summary>The campaign's assets in the order they were added; one asset appears once.</summary>
    public List<CampaignAssetLink> Assets { get; } = [];
}
