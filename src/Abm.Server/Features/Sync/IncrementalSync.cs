using Abm.Data;
using Abm.HubSpot;
using Microsoft.Extensions.Options;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Reads what changed since the last run: owners in full (a few pages), then companies, contacts and deals
/// by search on their modification time, oldest first, with their associations. The watermark moves with
/// each saved page to the newest modification time HubSpot stamped on it, less
/// <see cref="SyncOptions.SearchVisibilityMarginSeconds"/> (HubSpot's search sees a change a few seconds after
/// it happens); it follows HubSpot's clock only, so a skew between that clock and ours loses nothing.
/// </summary>
internal sealed class IncrementalSync(AbmDbContext database, SyncStates syncStates, SyncRecordWriter writer, IOptions<SyncOptions> options, TimeProvider clock)
{
    public async Task RunAsync(HubSpotClient client, SyncProgress progress, CancellationToken cancellationToken)
    {
        var margin = TimeSpan.FromSeconds(options.Value.SearchVisibilityMarginSeconds);
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
                state.IncrementalWatermark = HubSpotWatermarks.Advance(state.IncrementalWatermark, records, margin);
                state.UpdatedAt = clock.GetUtcNow().UtcDateTime;
                progress.Count(records.Count);
                await writer.CommitAsync(cancellationToken);
                progress.Committed(objectType, records.Count);
                database.ChangeTracker.Clear();
                database.AttachRange(states.Values);
                database.Attach(progress.Run);
            }

            state.LastRunAt = clock.GetUtcNow().UtcDateTime;
            await database.SaveChangesAsync(cancellationToken);
            progress.ObjectTypeDone(objectType);
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
}
