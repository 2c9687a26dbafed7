using Abm.Server.Configuration;
using Abm.Server.Features.Access;

namespace Abm.Server.Features.Leads;

/// <summary>Lead scoring: the ideal-client profile (/api/icp), the scored leads (/api/leads) and the scorer's state (/api/ai/status).</summary>
internal static class LeadEndpoints
{
    public static IServiceCollection AddLeads(this IServiceCollection services)
    {
        services.AddOptions<LeadScoringOptions>().BindConfiguration(LeadScoringOptions.Section).ValidateSettings();
        services.AddHostedService<LeadScoringWorker>();
        return services.AddSingleton<LeadEmbedder>()
            .AddScoped<IcpStore>()
            .AddScoped<IcpImport>()
            .AddScoped<LeadFactsLoader>()
            .AddScoped<LeadRouting>()
            .AddScoped<LeadTaskPusher>()
            .AddScoped<LeadScoring>()
            .AddScoped<LeadQuery>();
    }

    public static RouteGroupBuilder MapLeadEndpoints(this RouteGroupBuilder api)
    {
        var icp = api.MapGroup("/icp").WithTags("Lead scoring");
        icp.MapGet("/", IcpHandlers.GetAsync).WithName("GetIdealClientProfile");
        icp.MapPut("/", IcpHandlers.ReplaceAsync).WithName("ReplaceIdealClientProfile").RequireAuthorization(AccessPolicies.Marketing);
        icp.MapPost("/import", IcpHandlers.ImportAsync).WithName("ImportIdealClientProfile")
            .RequireAuthorization(AccessPolicies.Marketing).Accepts<string>("text/csv");
        var leads = api.MapGroup("/leads").WithTags("Lead scoring");
        leads.MapGet("/", LeadHandlers.ListAsync).WithName("ListLeads");
        leads.MapGet("/{id:guid}", LeadHandlers.GetAsync).WithName("GetLead");
        leads.MapPost("/{id:guid}/score", LeadHandlers.ScoreOneAsync).WithName("ScoreLead").RequireAuthorization(AccessPolicies.Marketing);
        leads.MapPost("/score", LeadHandlers.ScoreManyAsync).WithName("ScoreLeads").RequireAuthorization(AccessPolicies.Marketing);
        api.MapGet("/ai/status", LeadHandlers.StatusAsync).WithTags("Lead scoring").WithName("GetAiStatus");
        return api;
    }
}
