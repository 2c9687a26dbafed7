using Abm.Server.Configuration;
using Abm.Server.Features.Access;

namespace Abm.Server.Features.Engagement;

internal static class EngagementEndpoints
{
    public static IServiceCollection AddEngagement(this IServiceCollection services)
    {
        services.AddOptions<ScoringOptions>().BindConfiguration(ScoringOptions.Section).ValidateSettings();
        services.AddScoped<EngagementSettingsStore>();
        services.AddScoped<EngagementSettingsEditor>();
        services.AddScoped<WriteBackQueue>();
        services.AddScoped<AccountRollup>();
        services.AddScoped<EngagementRecompute>();
        services.AddScoped<ContactJourney>();
        services.AddScoped<EngagementTimeline>();
        services.AddScoped<SyncedContactScoring>();
        services.AddSingleton<ScoringQueue>();
        services.AddSingleton<RecomputeLocks>();
        services.AddHostedService<ScoringWorker>();
        services.AddHostedService<NightlyScoringWorker>();
        return services;
    }

    public static RouteGroupBuilder MapEngagementEndpoints(this RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/contacts/{id:guid}").WithTags("Engagement");
        contacts.MapGet("/engagement", EngagementHandlers.GetContactAsync).WithName("GetContactEngagement");
        contacts.MapPut("/journey-stage", EngagementHandlers.OverrideStageAsync).WithName("OverrideJourneyStage").RequireAuthorization(AccessPolicies.Marketing);
        contacts.MapDelete("/journey-stage", EngagementHandlers.ClearOverrideAsync).WithName("ClearJourneyStageOverride").RequireAuthorization(AccessPolicies.Marketing);
        contacts.MapGet("/journey-stage/history", EngagementHandlers.StageHistoryAsync).WithName("GetJourneyStageHistory")
            .WithSummary("Every override and release of the contact's journey stage, newest first: when, who, from and to (null: the inferred stage).");
        contacts.MapGet("/timeline", EngagementHandlers.TimelineAsync).WithName("GetContactTimeline")
            .WithSummary("The contact's latest events (25 by default, limit up to 200), newest first, with the title of the item each concerns.");

        api.MapGet("/accounts/{id:guid}/engagement", EngagementHandlers.GetAccountAsync).WithTags("Engagement").WithName("GetAccountEngagement");

        var engagement = api.MapGroup("/engagement").WithTags("Engagement");
        engagement.MapPost("/recompute", EngagementHandlers.RecomputeAsync).WithName("RecomputeEngagement").RequireAuthorization(AccessPolicies.Marketing);
        engagement.MapGet("/settings", EngagementHandlers.GetSettingsAsync).WithName("GetEngagementSettings");
        engagement.MapPut("/settings", EngagementHandlers.SaveSettingsAsync).WithName("SaveEngagementSettings").RequireAuthorization(AccessPolicies.Admin);
        return api;
    }
}
