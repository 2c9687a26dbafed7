using Abm.Data;
using Abm.HubSpot;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Reads what changed since the last run: owners in full (a few pages), then companies, contacts and deals
/// by search on their modification time, oldest first, with their associations. The watermark moves with
/// each saved page but never past the run's start minus <see cref="SyncOptions.SearchVisibilityMarginSeconds"/>,
/// because HubSpot's search sees a change a few seconds after it happens.
/// </summary>
internal sealed class IncrementalSync(AbmDbContext database, SyncStates syncStates, SyncRecordWriter writer, IOptions<SyncOptions> options, TimeProvider clock)
{
    public async Task RunAsync(HubSpotClient client, SyncProgress progress, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        var ceiling = startedAt.AddSeconds(-options.Value.SearchVisibilityMarginSeconds).UtcDateTime;
        var states = await syncStates.LoadAsync(SyncedObjects.CrmTypes, cancellationToken);

        var owners = await ReadOwnersAsync(client, cancellationToken);
        progress.Count(owners);
        await writer.CommitAsync(cancellationToken);
        progress.Committed(SyncedObjects.Owners, owners);

        foreach (var objectType in SyncedObjects.CrmTypes)
        {
            var state = states[objectType];
            var since = state.IncrementalWatermark ?? DateTime.UnixEpoch;
            var pages = client.Search.SearchModifiedSinceAsync(objectType, new DateTimeOffset(DateTime.SpecifyKind(since, DateTimeKind.Utc)), SyncedObjects.PropertiesOf(objectType), cancellationToken);
            await foreach (var page in pages)
            {
                var records = await AssociationLoader.AttachAsync(client, objectType, page, cancellationToken);
                await writer.StageAsync(objectType, records, cancellationToken);
                var newest = records.Max(r => r.UpdatedAt)?.UtcDateTime ?? since;
                state.IncrementalWatermark = Max(state.IncrementalWatermark, Min(newest, ceiling));
                state.UpdatedAt = clock.GetUtcNow().UtcDateTime;
                progress.Count(records.Count);
                await writer.CommitAsync(cancellationToken);
                progress.Committed(objectType, records.Count);
                database.ChangeTracker.Clear();
                database.AttachRange(states.Values);
                database.Attach(progress.Run);
            }

            state.LastRunAt = clock.GetUtcNow().UtcDateTime;
            // The search ran to its end, so every change visible before the ceiling has been applied.
            state.IncrementalWatermark = Max(state.IncrementalWatermark, ceiling);
            await database.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task<int> ReadOwnersAsync(HubSpotClient client, CancellationToken cancellationToken)
    {
        var owners = new List<Abm.HubSpot.Owners.HubSpotOwner>();
        await foreach (var owner in client.Owners.ListAllAsync(cancellationToken: cancellationToken))
        {
            owners.Add(owner);
        }

        return await writer.StageOwnersAsync(owners, cancellationToken);
    }

    private static DateTime Max(DateTime? a, DateTime b) => a is { } value && value > b ? value : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
