using Abm.Server.Features.Sync;

namespace Abm.Server.Features.Live;

/// <summary>A sync run's page reports, passed on to whoever watches the run and raised as a live notice for open pages.</summary>
internal sealed class LiveSyncProgress(IProgress<SyncPageDone>? watcher, LiveHub live, Guid workspaceId) : IProgress<SyncPageDone>
{
    public void Report(SyncPageDone value)
    {
        watcher?.Report(value);
        live.Publish(workspaceId, LiveKinds.Sync);
    }
}
