namespace Abm.Server.Features.Live;

internal static class LiveSetup
{
    public static IServiceCollection AddLive(this IServiceCollection services)
    {
        services.AddSingleton<LiveHub>();
        services.AddSingleton<PostgresLiveRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresLiveRelay>());
        return services;
    }
}
