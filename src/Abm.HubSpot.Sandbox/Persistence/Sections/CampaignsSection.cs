using Abm.HubSpot.Sandbox.Campaigns;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Persistence.Sections;

/// <summary>Marketing campaigns with their properties and assets, one document.</summary>
internal sealed class CampaignsSection : IPortalSection
{
    public string Name => "campaigns";

    public void Save(PortalState state, SectionRows rows) => rows.Document(StoredJson.Write(
        state.Campaigns.Values.Select(c => new StoredCampaign(c.Id, c.Properties, c.CreatedAt, c.UpdatedAt, c.Assets)).ToList()));

    public void Load(PortalState state, IEnumerable<StoredRow> rows)
    {
        if (rows.FirstOrDefault() is not { } row)
        {
            return;
        }

        foreach (var saved in StoredJson.Read<List<StoredCampaign>>(row.Data))
        {
            var campaign = new MarketingCampaign(saved.Id, saved.Properties, saved.CreatedAt) { UpdatedAt = saved.UpdatedAt };
            campaign.Assets.AddRange(saved.Assets);
            state.Campaigns[campaign.Id] = campaign;
        }
    }

    private sealed record StoredCampaign(string Id, Dictionary<string, string?> Properties, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, List<CampaignAssetLink> Assets);
}
