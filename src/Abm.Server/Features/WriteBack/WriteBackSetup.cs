using Abm.Server.Configuration;

namespace Abm.Server.Features.WriteBack;

internal static class WriteBackSetup
{
    public static IServiceCollection AddWriteBack(this IServiceCollection services)
    {
        services.AddOptions<WriteBackOptions>().BindConfiguration(WriteBackOptions.Section).ValidateSettings();
        services.AddScoped<OutboxFlusher>();
        services.AddScoped<OutboxHistory>();
        services.AddHostedService<WriteBackWorker>();
        return services;
    }
}
