using Abm.Data;
using Abm.HubSpot;
using Abm.HubSpot.Crm;
using Abm.Server.Errors;
using Abm.Server.Features.Sync;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.HubSpotRecords;

/// <summary>
/// Sends a checked write to HubSpot through the workspace's rate-limited client, then brings the local copy in step
/// at once: the record is read back with what sync reads (properties and associations) and applied through sync's own
/// path (<see cref="RecordRefresher.ApplyAsync"/>); an archived record is archived locally as a sync would. HubSpot's
/// refusals surface as <see cref="HubSpotApiException"/>s for <see cref="HubSpotProblems"/> to answer.
/// </summary>
internal sealed partial class HubSpotRecordWriter(RecordRefresher refresher, AbmDbContext database, ILogger<HubSpotRecordWriter> logger)
{
    public async Task<RecordWriteResponse> CreateAsync(HubSpotClient client, CrmRecordKind kind, IReadOnlyDictionary<string, string?> properties, IReadOnlyList<CrmAssociationInput> associations, CancellationToken cancellationToken)
    {
        var created = await client.Crm.CreateAsync(kind.ObjectType, new CrmRecordInput(properties, associations), cancellationToken);
        return await CopyLocallyAsync(client, kind, created, cancellationToken);
    }

    public async Task<RecordWriteResponse> UpdateAsync(HubSpotClient client, CrmRecordKind kind, string id, IReadOnlyDictionary<string, string?> properties, CancellationToken cancellationToken)
    {
        var updated = await client.Crm.UpdateAsync(kind.ObjectType, id, properties, cancellationToken);
        return await CopyLocallyAsync(client, kind, updated, cancellationToken);
    }

    /// <summary>Archives in HubSpot (its recycle bin) and locally (kept with its history, out of every list).</summary>
    public async Task ArchiveAsync(HubSpotClient client, CrmRecordKind kind, string id, CancellationToken cancellationToken)
    {
        await client.Crm.ArchiveAsync(kind.ObjectType, id, cancellationToken);
        await refresher.ApplyAsync(kind.ObjectType, [], [id], cancellationToken);
    }

    /// <summary>The local copy's id and last sync of a record, when it holds it.</summary>
    public async Task<(Guid? LocalId, DateTime? SyncedAt)> LocalOfAsync(CrmRecordKind kind, string hubSpotId, CancellationToken cancellationToken)
    {
        var row = kind.ObjectType switch
        {
            SyncedObjects.Contacts => await database.Contacts.Where(c => c.HubSpotId == hubSpotId).Select(c => new { c.Id, c.SyncedAt }).FirstOrDefaultAsync(cancellationToken),
            SyncedObjects.Companies => await database.Companies.Where(c => c.HubSpotId == hubSpotId).Select(c => new { c.Id, c.SyncedAt }).FirstOrDefaultAsync(cancellationToken),
            _ => await database.Deals.Where(d => d.HubSpotId == hubSpotId).Select(d => new { d.Id, d.SyncedAt }).FirstOrDefaultAsync(cancellationToken),
        };
        return (row?.Id, row?.SyncedAt);
    }

    // The write is done in HubSpot whatever happens here: a failed read-back leaves the local copy to the next sync or
    // webhook, and the answer says so instead of reporting the write as failed.
    private async Task<RecordWriteResponse> CopyLocallyAsync(HubSpotClient client, CrmRecordKind kind, CrmRecord written, CancellationToken cancellationToken)
    {
        CrmRecord? current;
        try
        {
            current = await client.Crm.GetAsync(kind.ObjectType, written.Id, kind.SyncedRead, cancellationToken: cancellationToken);
        }
        catch (Exception error) when (HubSpotFailure.Is(error) && !cancellationToken.IsCancellationRequested)
        {
            LogReadBackFailed(kind.ObjectType, written.Id, error.Message);
            return new RecordWriteResponse(HubSpotRecordResponse.From(written, null, null), "pending");
        }

        await refresher.ApplyAsync(kind.ObjectType, current is null ? [] : [current], current is null ? [written.Id] : [], cancellationToken);
        var (localId, syncedAt) = await LocalOfAsync(kind, written.Id, cancellationToken);
        return new RecordWriteResponse(HubSpotRecordResponse.From(current ?? written, localId, syncedAt), "updated");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wrote {ObjectType} {HubSpotId} to HubSpot but could not read it back ({Reason}); the local copy catches up at the next sync")]
    private partial void LogReadBackFailed(string objectType, string hubSpotId, string reason);
}
