using Abm.Server.Configuration;

namespace Abm.Server.Features.Nurture.Execution;

internal static class NurtureExecutionSetup
{
    public static IServiceCollection AddNurtureExecution(this IServiceCollection services)
    {
        services.AddOptions<NurtureOptions>().BindConfiguration(NurtureOptions.Section).ValidateSettings();
        services.AddScoped<DueEnrollments>().AddScoped<NurtureFactsLoader>().AddScoped<ContentPicker>().AddScoped<GuardrailStore>().AddScoped<TransactionalEmailSetting>();
        services.AddScoped<ActionPlanner>().AddScoped<ActionPerformer>().AddScoped<ActionSettler>().AddScoped<TaskCompletionPull>();
        services.AddSingleton<NurtureRunner>();
        services.AddHostedService<NurtureWorker>();
        return services;
    }
}
