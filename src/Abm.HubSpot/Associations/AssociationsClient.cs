using System.Globalization;
using System.Text.Json;
using Abm.HubSpot.Crm;
using Abm.HubSpot.Http;

namespace Abm.HubSpot.Associations;

/// <summary>The associations v4 API: batch reads of one object type's associations to another, and default associations.</summary>
public sealed class AssociationsClient
{
    /// <summary>HubSpot's largest v4 batch read.</summary>
    public const int MaxReadInputs = 1_000;

    private readonly HubSpotTransport _transport;

    internal AssociationsClient(HubSpotTransport transport) => _transport = transport;

    /// <summary>
    /// The <paramref name="toType"/> records associated with each of <paramref name="fromIds"/> (of
    /// <paramref name="fromType"/>), in calls of up to 1,000 ids. A refused chunk or unknown id becomes an
    /// error naming its inputs; the other chunks still go.
    /// </summary>
    public async Task<AssociationBatchResult> BatchReadAsync(string fromType, string toType, IReadOnlyList<string> fromIds, CancellationToken cancellationToken = default)
    {
        var path = HubSpotPaths.AssociationBatchRead(fromType, toType);
        var (results, errors) = await CrmBatchRunner.RunChunksAsync(
            fromIds,
            MaxReadInputs,
            id => id,
            (chunk, ct) => _transport.SendAsync<BatchResponseDto<AssociationReadResultDto>>(
                HubSpotRequest.Json(HttpMethod.Post, path, new BatchBodyDto<IdInputDto>(chunk.Select(id => new IdInputDto(id)).ToList())), ct),
            ToAssociated,
            cancellationToken);
        var byFromId = new Dictionary<string, IReadOnlyList<AssociatedRecord>>(StringComparer.Ordinal);
        foreach (var (fromId, associated) in results)
        {
            byFromId[fromId] = associated;
        }

        return new AssociationBatchResult(byFromId, errors);
    }

    /// <summary>
    /// Associates two records with HubSpot's default (unlabelled) type for the pair, e.g. 279 for contact to
    /// company; associating records that already are is harmless.
    /// </summary>
    public async Task AssociateDefaultAsync(string fromType, string fromId, string toType, string toId, CancellationToken cancellationToken = default) =>
        await _transport.SendAsync<JsonElement>(
            HubSpotRequest.Json(HttpMethod.Put, HubSpotPaths.DefaultAssociation(fromType, fromId, toType, toId), body: null),
            cancellationToken);

    private static (string FromId, IReadOnlyList<AssociatedRecord> Associated) ToAssociated(AssociationReadResultDto result) => (
        result.From?.Id ?? "",
        (result.To ?? []).Select(t => new AssociatedRecord(t.ToObjectId.ToString(CultureInfo.InvariantCulture), t.AssociationTypes ?? [])).ToList());
}
