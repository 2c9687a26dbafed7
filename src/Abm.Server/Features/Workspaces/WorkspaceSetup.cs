using Abm.Server.Features.Audit;

namespace Abm.Server.Features.Workspaces;

internal static class WorkspaceSetup
{
    public static IServiceCollection AddWorkspaces(this IServiceCollection services)
    {
        services.AddSingleton<DefaultWorkspace>();
        services.AddScoped<AuditTrail>();
        return services;
    }
}
