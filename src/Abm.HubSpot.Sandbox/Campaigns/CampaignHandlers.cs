using System.Text.Json.Nodes;
using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Campaigns;

internal sealed record CampaignResponse(string Id, IReadOnlyDictionary<string, string?> Properties, string CreatedAt, string UpdatedAt, IReadOnlyList<object> BusinessUnits)
{
    /// <summary>The campaign with the <paramref name="wanted"/> properties (all of them when none are named), as HubSpot shows it.</summary>
    public static CampaignResponse Of(MarketingCampaign campaign, IReadOnlyCollection<string> wanted) => new(
        campaign.Id,
        wanted.Count == 0 ? campaign.Properties : wanted.ToDictionary(p => p, p => campaign.Properties.GetValueOrDefault(p), StringComparer.Ordinal),
        HubSpotTime.Format(campaign.CreatedAt), HubSpotTime.Format(campaign.UpdatedAt), [new { id = 0 }]);
}

/// <summary>Create, read and page campaigns (<c>/marketing/v3/campaigns</c>); a campaign's id is a guid.</summary>
internal static class CampaignHandlers
{
    public static async Task<IResult> CreateAsync(HttpContext http, RecordWriter writer, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadObjectAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return error!;
        }

        var properties = (body["properties"] as JsonObject ?? []).ToDictionary(p => p.Key, p => JsonBody.StringOf(p.Value), StringComparer.Ordinal);
        if (CampaignRules.Problem(properties, isCreate: true) is { } problem)
        {
            return HubSpotErrors.Validation(problem);
        }

        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            var name = properties["hs_name"]!.Trim();
            if (context.State.Campaigns.Values.Any(c => string.Equals(c.Properties.GetValueOrDefault("hs_name"), name, StringComparison.OrdinalIgnoreCase)))
            {
                return HubSpotErrors.Validation($"A campaign named '{name}' already exists");
            }

            properties["hs_name"] = name;
            var campaign = new MarketingCampaign(Guid.NewGuid().ToString(), properties, context.Now);
            context.State.Campaigns[campaign.Id] = campaign;
            return SandboxJson.Json(CampaignResponse.Of(campaign, []), StatusCodes.Status201Created);
        });
    }

    public static IResult Get(string campaignGuid, HttpContext http) =>
        Caller.Of(http).Portal.Read(state => Find(state, campaignGuid) is { } campaign
            ? SandboxJson.Json(CampaignResponse.Of(campaign, Wanted(http)))
            : NotFound(campaignGuid));

    /// <summary>Pages in creation order; <c>name</c> keeps those whose name contains it; <c>after</c> is an opaque offset.</summary>
    public static IResult List(HttpContext http)
    {
        var (limit, offset) = OffsetPaging.Read(http.Request, 50, 100);
        var name = http.Request.Query["name"].ToString();
        var wanted = Wanted(http);
        return Caller.Of(http).Portal.Read(state =>
        {
            var matching = state.Campaigns.Values.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal)
                .Where(c => name.Length == 0 || (c.Properties.GetValueOrDefault("hs_name") ?? "").Contains(name, StringComparison.OrdinalIgnoreCase)).ToList();
            var page = matching.Skip(offset).Take(limit).Select(c => CampaignResponse.Of(c, wanted)).ToList();
            return SandboxJson.Json(new { total = matching.Count, results = page, paging = OffsetPaging.Next(offset, page.Count, matching.Count) });
        });
    }

    public static MarketingCampaign? Find(PortalState state, string campaignGuid) => state.Campaigns.GetValueOrDefault(campaignGuid);

    public static HubSpotError NotFound(string campaignGuid) => HubSpotErrors.NotFound($"Campaign {campaignGuid} does not exist");

    private static string[] Wanted(HttpContext http) =>
        [.. http.Request.Query["properties"].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];
}
