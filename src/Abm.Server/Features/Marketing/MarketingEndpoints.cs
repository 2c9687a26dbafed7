using Abm.Server.Configuration;
using Abm.Server.Features.Access;
using Abm.Server.Features.Marketing.Campaigns;
using Abm.Server.Features.Marketing.Email;
using Abm.Server.Features.Marketing.Lists;

namespace Abm.Server.Features.Marketing;

/// <summary>
/// Marketing operations on the workspace's HubSpot portal under /api/hubspot: contact lists, marketing campaigns, and
/// marketing emails (templates, sends now or scheduled, their performance). Reads are open to every role; changes and
/// sends need the marketing role.
/// </summary>
internal static class MarketingEndpoints
{
    public static IServiceCollection AddMarketing(this IServiceCollection services)
    {
        services.AddOptions<MarketingOptions>().BindConfiguration(MarketingOptions.Section).ValidateSettings();
        services.AddScoped<DueEmailSends>().AddScoped<EmailSendRunner>();
        services.AddHostedService<ScheduledEmailSendWorker>();
        return services;
    }

    public static RouteGroupBuilder MapMarketingEndpoints(this RouteGroupBuilder api)
    {
        var hubspot = api.MapGroup("/hubspot");

        var lists = hubspot.MapGroup("/lists").WithTags("HubSpot lists");
        lists.MapGet("/", ListHandlers.ListAsync).WithName("ListHubSpotLists").Produces<HubSpotListPageView>();
        lists.MapPost("/", ListHandlers.CreateAsync).WithName("CreateHubSpotList").Produces<HubSpotListView>(StatusCodes.Status201Created).RequireAuthorization(AccessPolicies.Marketing);
        lists.MapPut("/{id}/memberships/add", ListHandlers.AddAsync).WithName("AddHubSpotListMembers").Produces<ListMembershipReport>().RequireAuthorization(AccessPolicies.Marketing);
        lists.MapPut("/{id}/memberships/remove", ListHandlers.RemoveAsync).WithName("RemoveHubSpotListMembers").Produces<ListMembershipReport>().RequireAuthorization(AccessPolicies.Marketing);
        lists.MapGet("/{id}/memberships", ListHandlers.MembershipsAsync).WithName("ListHubSpotListMembers").Produces<ListMemberPageView>();

        var campaigns = hubspot.MapGroup("/campaigns").WithTags("HubSpot campaigns");
        campaigns.MapGet("/", CampaignHandlers.ListAsync).WithName("ListHubSpotCampaigns").Produces<CampaignPageView>();
        campaigns.MapPost("/", CampaignHandlers.CreateAsync).WithName("CreateHubSpotCampaign").Produces<CampaignView>(StatusCodes.Status201Created).RequireAuthorization(AccessPolicies.Marketing);
        campaigns.MapGet("/{id}", CampaignHandlers.GetAsync).WithName("GetHubSpotCampaign").Produces<CampaignView>();
        campaigns.MapGet("/{id}/assets", CampaignHandlers.AssetsAsync).WithName("ListHubSpotCampaignAssets").Produces<CampaignAssetsView>();
        campaigns.MapGet("/{id}/performance", CampaignPerformance.GetAsync).WithName("GetHubSpotCampaignPerformance").Produces<CampaignPerformanceView>();

        var email = hubspot.MapGroup("/email").WithTags("HubSpot email");
        email.MapGet("/templates", EmailHandlers.TemplatesAsync).WithName("ListHubSpotEmailTemplates").Produces<EmailTemplatePageView>();
        email.MapPost("/sends", EmailHandlers.SendAsync).WithName("SendHubSpotMarketingEmail").Produces<EmailSendView>(StatusCodes.Status201Created).RequireAuthorization(AccessPolicies.Marketing);
        email.MapGet("/sends", EmailHandlers.ListSendsAsync).WithName("ListHubSpotMarketingEmailSends").Produces<EmailSendPageView>();
        email.MapGet("/sends/{id:guid}", EmailHandlers.GetSendAsync).WithName("GetHubSpotMarketingEmailSend").Produces<EmailSendView>();
        return api;
    }
}
