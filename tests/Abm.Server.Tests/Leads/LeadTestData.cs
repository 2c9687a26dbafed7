using Abm.Server.Features.Access;
using Abm.Server.Features.Leads;
using Microsoft.Extensions.DependencyInjection;

namespace Abm.Server.Tests.Leads;

/// <summary>Runs lead-scoring services in a workspace's scope, as a worker does.</summary>
internal static class LeadTestData
{
    public static async Task<T> InWorkspaceAsync<T>(AbmServerFactory server, Guid workspace, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspace);
        return await work(scope.ServiceProvider);
    }

    public static Task<int> RefreshClosedWonAsync(AbmServerFactory server, Guid workspace) =>
        InWorkspaceAsync(server, workspace, services => services.GetRequiredService<IcpStore>().RefreshClosedWonAsync(workspace, CancellationToken.None));
}
