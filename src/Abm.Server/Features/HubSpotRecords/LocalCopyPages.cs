using System.Text.Json;
using Abm.Data;
using Abm.Server.Features.Listing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.HubSpotRecords;

/// <summary>The query string every record list takes beside its own filters: the page.</summary>
internal abstract class RecordListParameters
{
    [FromQuery(Name = "limit")] public string? Limit { get; set; }
    [FromQuery(Name = "offset")] public string? Offset { get; set; }
}

/// <summary>
/// What the three record lists share: they read the local copy (no HubSpot call, so a list costs nothing of the
/// portal's allowance and works while HubSpot is down), page with limit and offset, and say how fresh the copy is.
/// </summary>
internal static class LocalCopyPages
{
    public const string Source = "local_copy";

    public static (int Limit, int Offset) Paging(RecordListParameters query, QueryReader reader) => (
        reader.Integer("limit", query.Limit, QueryReader.DefaultLimit, 1, QueryReader.MaxLimit),
        reader.Integer("offset", query.Offset, 0, 0, int.MaxValue));

    /// <summary>When the workspace's last successful sync ended; null when none has.</summary>
    public static Task<DateTime?> LastSyncAtAsync(AbmDbContext database, CancellationToken cancellationToken) =>
        database.SyncRuns.Where(r => r.Status == "succeeded").MaxAsync(r => r.FinishedAt, cancellationToken);

    /// <summary>The properties sync kept of the record (HubSpot's values as text).</summary>
    public static IReadOnlyDictionary<string, string?> PropertiesOf(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];

    public static DateTimeOffset? Utc(DateTime? moment) => moment is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;

    public static IReadOnlyList<string> One(string? hubSpotId) => hubSpotId is null ? [] : [hubSpotId];
}
