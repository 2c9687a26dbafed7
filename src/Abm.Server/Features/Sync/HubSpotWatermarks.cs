using Abm.HubSpot;
using Abm.HubSpot.Crm;
using Abm.HubSpot.Search;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Incremental watermarks on HubSpot's clock. Changes are found by the modification time HubSpot stamps on
/// them, so the watermark is taken from those stamps (the newest one seen, less the search visibility margin),
/// never from this server's clock: a portal whose clock runs behind ours would otherwise stamp changes before a
/// watermark we had already passed, and they would never be read.
/// </summary>
internal static class HubSpotWatermarks
{
    /// <summary>
    /// HubSpot's newest modification time of <paramref name="objectType"/>, less <paramref name="margin"/> (one
    /// search call); the Unix epoch when the portal has none. Every later change is stamped after it.
    /// </summary>
    public static async Task<DateTime> NewestModifiedAsync(HubSpotClient client, string objectType, TimeSpan margin, CancellationToken cancellationToken)
    {
        var modified = CrmObjectTypes.LastModifiedProperty(objectType);
        var page = await client.Search.SearchAsync(objectType, new CrmSearchRequest
        {
            Sort = new CrmSearchSort(modified, Descending: true),
            Properties = [modified],
            Limit = 1,
        }, cancellationToken);
        return Behind(page.Results.Max(r => r.UpdatedAt), margin) ?? DateTime.UnixEpoch;
    }

    /// <summary>
    /// The watermark after a page of changes read oldest first: the newest stamp seen, less the margin (a change
    /// stamped a little earlier may not be searchable yet); never earlier than <paramref name="current"/>.
    /// </summary>
    public static DateTime? Advance(DateTime? current, IEnumerable<CrmRecord> page, TimeSpan margin) =>
        PulledEngagementWriter.Later(current, Behind(page.Max(r => r.UpdatedAt), margin));

    private static DateTime? Behind(DateTimeOffset? stamp, TimeSpan margin) =>
        stamp is { } value ? (value.UtcDateTime - margin) is var behind && behind > DateTime.UnixEpoch ? behind : DateTime.UnixEpoch : null;
}
