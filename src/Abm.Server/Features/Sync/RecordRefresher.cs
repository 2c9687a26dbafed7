using Abm.HubSpot;
using Abm.HubSpot.Crm;

namespace Abm.Server.Features.Sync;

internal sealed record RefreshSummary(int Upserted, int Archived);

/// <summary>
/// Re-reads records by HubSpot id and makes the local copy match: what HubSpot has is upserted (with its
/// associations), what it no longer has is archived locally. Reading the current state instead of applying
/// event payloads makes repeated or reordered notifications harmless. The scope's workspace must be set.
/// </summary>
internal sealed class RecordRefresher(SyncRecordWriter writer)
{
    public async Task<RefreshSummary> RefreshAsync(HubSpotClient client, string objectType, IReadOnlyCollection<string> hubSpotIds, CancellationToken cancellationToken)
    {
        var ids = hubSpotIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new RefreshSummary(0, 0);
        }

        var read = await client.Crm.BatchReadAsync(objectType, ids, SyncedObjects.PropertiesOf(objectType), cancellationToken: cancellationToken);
        if (read.Errors.FirstOrDefault(e => e.StatusCode is not System.Net.HttpStatusCode.NotFound && e.Category is not "OBJECT_NOT_FOUND") is { } failure)
        {
            throw new HubSpotApiException($"Re-reading {objectType} failed: {failure.Message}");
        }

        var found = await AssociationLoader.AttachAsync(client, objectType, read.Records, cancellationToken);
        var gone = ids.Except(found.Select(r => r.Id), StringComparer.Ordinal).ToList();
        return await ApplyAsync(objectType, found, gone, cancellationToken);
    }

    /// <summary>
    /// Makes the local copy match records already read from HubSpot (with the properties and associations sync reads):
    /// <paramref name="found"/> are upserted and their contacts queued for rescoring, <paramref name="gone"/> (HubSpot ids
    /// HubSpot no longer has) archived locally. The write routes under /api/hubspot use this after each write.
    /// </summary>
    public async Task<RefreshSummary> ApplyAsync(string objectType, IReadOnlyList<CrmRecord> found, IReadOnlyCollection<string> gone, CancellationToken cancellationToken)
    {
        var upserted = await writer.StageAsync(objectType, found, cancellationToken);
        await writer.CommitAsync(cancellationToken);
        writer.QueueRescoring();
        var archived = await writer.ArchiveAsync(objectType, gone, cancellationToken);
        return new RefreshSummary(upserted, archived);
    }
}
