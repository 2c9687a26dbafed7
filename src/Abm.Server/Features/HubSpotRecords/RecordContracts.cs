using System.Text.Json;
using Abm.HubSpot.Crm;

namespace Abm.Server.Features.HubSpotRecords;

/// <summary>
/// A create or update: HubSpot property names to values (text, numbers and booleans are sent as HubSpot's text; null
/// clears a value) and, on create only, the HubSpot ids of the records to associate, by object type
/// (<c>{"companies": ["123"], "contacts": ["456"]}</c>).
/// </summary>
internal sealed record RecordWriteRequest(Dictionary<string, JsonElement>? Properties, Dictionary<string, List<string>>? Associations);

/// <summary>
/// A record as HubSpot has it: its HubSpot <c>id</c>, properties, times and associated record ids by type; <c>localId</c>
/// is the local copy's id (null when the local copy does not hold it), <c>syncedAt</c> when the local copy last read it.
/// </summary>
public sealed record HubSpotRecordResponse(
    string Id,
    Guid? LocalId,
    IReadOnlyDictionary<string, string?> Properties,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    bool Archived,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Associations,
    DateTime? SyncedAt)
{
    public static HubSpotRecordResponse From(CrmRecord record, Guid? localId, DateTime? syncedAt) => new(
        record.Id, localId, record.Properties, record.CreatedAt, record.UpdatedAt, record.Archived,
        record.Associations.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)[.. a.Value.Select(o => o.Id).Distinct(StringComparer.Ordinal)], StringComparer.Ordinal),
        syncedAt);
}

/// <summary>
/// The answer to a write: the record as HubSpot holds it after the write, and <c>localCopy</c>: <c>updated</c> when the
/// local copy was brought in step at once, <c>pending</c> when reading the record back failed (the write is in HubSpot;
/// the next sync or webhook brings it in).
/// </summary>
internal sealed record RecordWriteResponse(HubSpotRecordResponse Record, string LocalCopy);

/// <summary>
/// A page of the local copy: rows in the record shape, the total the filters match, and how fresh the copy is: the
/// end of the workspace's last successful sync (<c>lastSyncAt</c>; writes through these routes land at once).
/// </summary>
public sealed record RecordListResponse(IReadOnlyList<HubSpotRecordResponse> Items, int Total, int Limit, int Offset, string Source, DateTime? LastSyncAt);
