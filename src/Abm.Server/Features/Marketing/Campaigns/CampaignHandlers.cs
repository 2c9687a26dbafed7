using System.Globalization;
using System.Security.Claims;
using Abm.Data;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Connections;

namespace Abm.Server.Features.Marketing.Campaigns;

/// <summary>HubSpot marketing campaigns: list (status and date filters), get, create, and a campaign's assets.</summary>
internal static class CampaignHandlers
{
    /// <summary>The asset types listed when none is named.</summary>
    public static readonly IReadOnlyList<string> CommonAssetTypes = ["MARKETING_EMAIL", "FORM", "LANDING_PAGE", "BLOG_POST"];

    private static readonly HashSet<string> AssetTypes = new(StringComparer.Ordinal)
    {
        "MARKETING_EMAIL", "FORM", "LANDING_PAGE", "BLOG_POST", "SOCIAL_BROADCAST", "WEB_INTERACTIVE", "CTA", "AD_CAMPAIGN", "STATIC_LIST", "OBJECT_LIST",
    };

    /// <summary>
    /// Campaigns with <paramref name="status"/>, whose window (start to end date) overlaps <paramref name="from"/> to
    /// <paramref name="to"/>, whose name contains <paramref name="name"/>; HubSpot filters by name only, so every page is read and the rest is filtered here.
    /// </summary>
    public static async Task<IResult> ListAsync(
        string? status, DateOnly? from, DateOnly? to, string? name, int? limit, int? offset, ClaimsPrincipal user, HubSpotClients clients, CancellationToken cancellationToken)
    {
        var (take, skip) = (limit ?? 50, offset ?? 0);
        if (status is not null && !CampaignStatuses.All.Contains(status))
        {
            return HubSpotProblems.Invalid("status", $"status must be one of {string.Join(", ", CampaignStatuses.All)}.");
        }

        if (from is { } f && to is { } t && t < f)
        {
            return HubSpotProblems.Invalid("to", "to must not be before from.");
        }

        if (take is < 1 or > 200 || skip < 0)
        {
            return HubSpotProblems.Invalid(skip < 0 ? "offset" : "limit", skip < 0 ? "offset must not be negative." : "limit must be between 1 and 200.");
        }

        if (name is { Length: > 200 })
        {
            return HubSpotProblems.Invalid("name", "name must be at most 200 characters.");
        }

        return await HubSpotProblems.CallAsync(clients, user.WorkspaceId(), async client =>
        {
            var matching = new List<CampaignView>();
            await foreach (var campaign in client.Campaigns.ListAllAsync(cancellationToken))
            {
                var view = CampaignView.Of(campaign);
                if ((status is null || view.Status == status)
                    && (name is null || (view.Name ?? "").Contains(name, StringComparison.OrdinalIgnoreCase))
                    && (from is null || view.EndDate is null || view.EndDate >= from)
                    && (to is null || view.StartDate is null || view.StartDate <= to))
                {
                    matching.Add(view);
                }
            }

            return TypedResults.Ok(new CampaignPageView([.. matching.Skip(skip).Take(take)], matching.Count));
        }, cancellationToken);
    }

    public static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, HubSpotClients clients, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out _))
        {
            return MalformedId(id);
        }

        return await HubSpotProblems.CallAsync(clients, user.WorkspaceId(), async client =>
            await client.Campaigns.GetAsync(id, cancellationToken) is { } campaign ? TypedResults.Ok(CampaignView.Of(campaign)) : Unknown(id), cancellationToken);
    }

    public static async Task<IResult> CreateAsync(
        CreateCampaignRequest request, ClaimsPrincipal user, HubSpotClients clients, AuditTrail audit, AbmDbContext database, CancellationToken cancellationToken)
    {
        if (request.StartDate is { } start && request.EndDate is { } end && end < start)
        {
            return HubSpotProblems.Invalid("endDate", "endDate must not be before startDate.");
        }

        var properties = new Dictionary<string, string?>(StringComparer.Ordinal) { ["hs_name"] = request.Name.Trim() };
        Put(properties, "hs_start_date", request.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Put(properties, "hs_end_date", request.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Put(properties, "hs_notes", request.Notes);
        Put(properties, "hs_audience", request.Audience);
        Put(properties, "hs_currency_code", request.CurrencyCode);
        Put(properties, "hs_campaign_status", request.Status);
        return await HubSpotProblems.CallAsync(clients, user.WorkspaceId(), async client =>
        {
            var campaign = await client.Campaigns.CreateAsync(properties, cancellationToken);
            audit.Record(user.WorkspaceId(), user, "hubspot.campaign_created", "hubspot_campaign", campaign.Id, new { name = request.Name });
            await database.SaveChangesAsync(cancellationToken);
            return TypedResults.Created($"/api/hubspot/campaigns/{campaign.Id}", CampaignView.Of(campaign));
        }, cancellationToken);
    }

    public static async Task<IResult> AssetsAsync(string id, string? assetType, ClaimsPrincipal user, HubSpotClients clients, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out _))
        {
            return MalformedId(id);
        }

        if (assetType is not null && !AssetTypes.Contains(assetType))
        {
            return HubSpotProblems.Invalid("assetType", $"assetType must be one of {string.Join(", ", AssetTypes)}.");
        }

        return await HubSpotProblems.CallAsync(clients, user.WorkspaceId(), async client =>
        {
            if (await client.Campaigns.GetAsync(id, cancellationToken) is null)
            {
                return Unknown(id);
            }

            var assets = new List<CampaignAssetView>();
            foreach (var type in assetType is null ? CommonAssetTypes : [assetType])
            {
                assets.AddRange((await client.Campaigns.AssetsAsync(id, type, cancellationToken)).Select(a => new CampaignAssetView(type, a.Id, a.Name)));
            }

            return TypedResults.Ok(new CampaignAssetsView(id, assets));
        }, cancellationToken);
    }

    public static IResult MalformedId(string id) => HubSpotProblems.Invalid("id", $"'{id}' is not a HubSpot campaign id (a guid).");

    public static IResult Unknown(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Campaign not found", detail: $"The connected portal has no campaign {id}.");

    private static void Put(Dictionary<string, string?> properties, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            properties[name] = value.Trim();
        }
    }
}
