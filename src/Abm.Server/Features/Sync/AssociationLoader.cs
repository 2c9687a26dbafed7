using Abm.HubSpot;
using Abm.HubSpot.Crm;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Search and batch read return records without associations; this fills in the ones sync keeps (a
/// contact's companies, a deal's companies and contacts) with one v4 batch read per 1,000 records and type.
/// </summary>
internal static class AssociationLoader
{
    public static async Task<IReadOnlyList<CrmRecord>> AttachAsync(HubSpotClient client, string objectType, IReadOnlyList<CrmRecord> records, CancellationToken cancellationToken)
    {
        var types = SyncedObjects.AssociationsOf(objectType);
        if (types.Count == 0 || records.Count == 0)
        {
            return records;
        }

        var ids = records.Select(r => r.Id).Distinct(StringComparer.Ordinal).ToList();
        var byType = new Dictionary<string, Abm.HubSpot.Associations.AssociationBatchResult>(StringComparer.Ordinal);
        foreach (var toType in types)
        {
            var result = await client.Associations.BatchReadAsync(objectType, toType, ids, cancellationToken);
            if (result.Errors.FirstOrDefault(e => e.StatusCode is not System.Net.HttpStatusCode.NotFound) is { } failure)
            {
                // A refused chunk would silently drop links; fail the page so it is read again.
                throw new HubSpotApiException($"Reading {objectType} to {toType} associations failed: {failure.Message}");
            }

            byType[toType] = result;
        }

        return [.. records.Select(record => record with
        {
            Associations = byType.ToDictionary(
                t => t.Key,
                t => (IReadOnlyList<AssociatedObject>)[.. t.Value.IdsOf(record.Id).Select(id => new AssociatedObject(id, null))],
                StringComparer.Ordinal),
        })];
    }
}
