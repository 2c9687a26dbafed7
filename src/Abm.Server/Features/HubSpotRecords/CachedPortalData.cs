using System.Collections.Concurrent;
using Abm.HubSpot;

namespace Abm.Server.Features.HubSpotRecords;

/// <summary>
/// Something read from a workspace's portal that rarely changes (property definitions, pipelines), kept for
/// <see cref="Lifetime"/>. An entry belongs to the client that read it: after a reconnection (to another portal,
/// perhaps) the workspace has a new client, and the old entry no longer counts. A caller that meets a name the entry
/// does not know may ask for a reload, granted at most once per <see cref="ReloadInterval"/>, so something created in
/// HubSpot a moment ago is found while unknown names sent again and again cost no extra calls.
/// </summary>
internal sealed class CachedPortalData<T>(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ReloadInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(Guid Workspace, string Key), Entry> _entries = new();

    public sealed record Entry(HubSpotClient Client, T Value, DateTimeOffset ReadAt);

    public async Task<Entry> GetAsync(Guid workspaceId, string key, HubSpotClient client, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        _entries.TryGetValue((workspaceId, key), out var entry) && entry.Client == client && clock.GetUtcNow() - entry.ReadAt < Lifetime
            ? entry
            : await ReadAsync(workspaceId, key, client, read, cancellationToken);

    /// <summary>Reads again unless the entry is younger than <see cref="ReloadInterval"/>; null when it was not read again.</summary>
    public async Task<Entry?> ReloadAsync(Guid workspaceId, string key, HubSpotClient client, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        _entries.TryGetValue((workspaceId, key), out var entry) && entry.Client == client && clock.GetUtcNow() - entry.ReadAt < ReloadInterval
            ? null
            : await ReadAsync(workspaceId, key, client, read, cancellationToken);

    private async Task<Entry> ReadAsync(Guid workspaceId, string key, HubSpotClient client, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var entry = new Entry(client, await read(cancellationToken), clock.GetUtcNow());
        _entries[(workspaceId, key)] = entry;
        return entry;
    }
}
