using Abm.Server.Configuration;
using Abm.Server.Features.Health;

namespace Abm.Server.Features.WriteBack;

internal static class WriteBackSetup
{
    public static IServiceCollection AddWriteBack(this IServiceCollection services)
    {
        services.AddOptions<WriteBackOptions>().BindConfiguration(WriteBackOptions.Section).ValidateSettings();
        services.AddScoped<OutboxFlusher>();
        services.AddScoped<OutboxHistory>();
        services.AddScoped<WriteBackStatusReader>();
        services.AddSingleton<Provisioning.PortalProvisioning>();
        services.AddScoped<Provisioning.RequestedProvisioning>();
        services.AddHealthChecks().AddCheck<WriteBackReadyCheck>("writeback", tags: [HealthEndpoints.ReadyTag]);
        services.AddHostedService<WriteBackWorker>();
        return services;
    }
}
