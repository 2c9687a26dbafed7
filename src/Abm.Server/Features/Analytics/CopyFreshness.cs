using Abm.Data;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Analytics;

/// <summary>
/// How fresh the local copy of one object type is: when a sync last finished reading it from HubSpot (null when it
/// never has), and whether a full pass has completed, so an answer computed from the copy says what it rests on.
/// </summary>
internal sealed record ObjectFreshness(string ObjectType, DateTime? LastSyncedAt, bool FullSyncCompleted);

/// <summary>Reads the sync checkpoints (<c>sync_state</c>) of the current workspace.</summary>
internal sealed class CopyFreshness(AbmDbContext database)
{
    public async Task<IReadOnlyList<ObjectFreshness>> OfAsync(IReadOnlyList<string> objectTypes, CancellationToken cancellationToken)
    {
        var states = await database.SyncStates.AsNoTracking().Where(s => objectTypes.Contains(s.ObjectType))
            .Select(s => new { s.ObjectType, s.LastRunAt, s.IncrementalWatermark, s.UpdatedAt, s.FullSyncCompleted })
            .ToDictionaryAsync(s => s.ObjectType, StringComparer.Ordinal, cancellationToken);
        // CRM types stamp LastRunAt when a pass or an incremental run ends; the email-event pull stamps only its
        // watermark, saved with each page it stores, so its row's last save is when it last read from HubSpot.
        return [.. objectTypes.Select(type => states.TryGetValue(type, out var state)
            ? new ObjectFreshness(type, state.LastRunAt ?? (state.IncrementalWatermark is null ? null : state.UpdatedAt), state.FullSyncCompleted || state.IncrementalWatermark is not null)
            : new ObjectFreshness(type, null, false))];
    }
}
