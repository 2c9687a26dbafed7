using Abm.Server.Features.Access;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Runs a part of a sync in a scope of its own (its own database context), so parts that wait on HubSpot can run
/// at the same time and share the portal's rate budget. The contacts a part marks for rescoring are handed back,
/// for the run to queue once all of its writes are done.
/// </summary>
internal sealed class SyncScopes(IServiceScopeFactory scopes, CurrentWorkspace workspace)
{
    public async Task<IReadOnlyCollection<Guid>> RunAsync<TPart>(Func<TPart, Task> part)
        where TPart : notnull
    {
        var workspaceId = workspace.WorkspaceId ?? throw new InvalidOperationException("Sync needs a workspace.");
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentWorkspace>().Use(workspaceId);
        await part(scope.ServiceProvider.GetRequiredService<TPart>());
        return scope.ServiceProvider.GetRequiredService<SyncRecordWriter>().MarkedForRescoring;
    }
}
