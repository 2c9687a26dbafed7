using Abm.Server.Configuration;

namespace Abm.Server.Features.Sync;

internal static class SyncSetup
{
    public static IServiceCollection AddHubSpotSync(this IServiceCollection services)
    {
        services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section).ValidateSettings();
        services.AddSingleton<SyncSignal>();
        services.AddScoped<SegmentRuleStore>();
        services.AddScoped<SegmentRefresher>();
        services.AddScoped<SegmentRuleChange>();
        services.AddScoped<SyncStates>();
        services.AddScoped<FullSync>();
        services.AddScoped<IncrementalSync>();
        services.AddScoped<PulledEngagementWriter>();
        services.AddScoped<FormSubmissionPull>();
        services.AddScoped<EmailEventPull>();
        services.AddScoped<MeetingPull>();
        services.AddScoped<EngagementPull>();
        services.AddScoped<SyncScopes>();
        services.AddScoped<PortalLeases>();
        services.AddScoped<AbandonedRuns>();
        services.AddSingleton<RunLease>();
        services.AddScoped<SyncRunner>();
        services.AddHostedService<SyncWorker>();
        services.AddScoped<SyncRecordWriter>();
        services.AddScoped<RecordRefresher>();
        services.AddScoped<SyncRuns>();
        return services;
    }
}
