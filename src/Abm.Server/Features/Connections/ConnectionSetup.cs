using Abm.Server.Features.Health;

namespace Abm.Server.Features.Connections;

internal static class ConnectionSetup
{
    public static IServiceCollection AddHubSpotConnections(this IServiceCollection services)
    {
        services.AddSingleton<HubSpotHttp>();
        services.AddSingleton<HubSpotClients>();
        services.AddSingleton<ConnectionTokenProtector>();
        services.AddSingleton<OAuthState>();
        services.AddScoped<ConnectionStore>();
        services.AddScoped<ConnectionActions>();
        services.AddScoped<ConnectionRefresh>();
        services.AddHealthChecks().AddCheck<ConnectionsReadyCheck>("hubspot_connections", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
