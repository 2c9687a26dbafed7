namespace Abm.Server.Features.Sync;

internal static class SyncSetup
{
    public static IServiceCollection AddHubSpotSync(this IServiceCollection services)
    {
        services.AddScoped<SegmentRuleStore>();
        services.AddScoped<SyncRecordWriter>();
        services.AddScoped<RecordRefresher>();
        return services;
    }
}
