using System.Collections.Concurrent;
using Abm.HubSpot;

namespace Abm.Server.Features.HubSpotRecords;

/// <summary>
/// Something read from a workspace's portal that rarely changes (property definitions, pipelines), kept for
/// <see cref="Lifetime"/>. An entry belongs to the client that read it: after a reconnection (to another portal,
/// perhaps) the workspace has a new client, and the old entry no longer counts. A caller that meets names the entry
/// does not know asks for a reload, so something created in HubSpot a moment ago is found; the names asked for are
/// remembered with the entry, so unknown names sent again cost no further call until it expires.
/// </summary>
internal sealed class CachedPortalData<T>(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<(Guid Workspace, string Key), Entry> _entries = new();

    public sealed record Entry(HubSpotClient Client, T Value, DateTimeOffset ReadAt, IReadOnlySet<string> LookedFor);

    public async Task<Entry> GetAsync(Guid workspaceId, string key, HubSpotClient client, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        Current(workspaceId, key, client) ?? await ReadAsync(workspaceId, key, client, new HashSet<string>(StringComparer.Ordinal), read, cancellationToken);

    /// <summary>Reads again for <paramref name="missing"/> names unless the current entry was read for them already; null then.</summary>
    public async Task<Entry?> ReloadAsync(
        Guid workspaceId, string key, HubSpotClient client, IReadOnlyCollection<string> missing, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
        Current(workspaceId, key, client) is var entry && entry is not null && missing.All(entry.LookedFor.Contains)
            ? null
            : await ReadAsync(workspaceId, key, client, (entry?.LookedFor ?? new HashSet<string>()).Union(missing, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal), read, cancellationToken);

    private Entry? Current(Guid workspaceId, string key, HubSpotClient client) =>
        _entries.TryGetValue((workspaceId, key), out var entry) && entry.Client == client && clock.GetUtcNow() - entry.ReadAt < Lifetime ? entry : null;

    private async Task<Entry> ReadAsync(
        Guid workspaceId, string key, HubSpotClient client, IReadOnlySet<string> lookedFor, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var entry = new Entry(client, await read(cancellationToken), clock.GetUtcNow(), lookedFor);
        _entries[(workspaceId, key)] = entry;
        return entry;
    }
}
