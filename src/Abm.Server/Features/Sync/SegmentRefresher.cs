using System.Text.Json;
using Abm.Data;
using Abm.Engines.Segments;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Re-tags every live contact of the current workspace after a sync or a rule change: <c>engaged</c> and
/// <c>cold</c> depend on how long ago HubSpot last changed a contact, so they move with time even when
/// nothing is read. Only contacts whose tags differ are written. After a sync, contacts the run itself wrote
/// already carry tags of this moment and are left out (after a full pass, that is every contact).
/// </summary>
internal sealed class SegmentRefresher(AbmDbContext database, SegmentRuleStore ruleStore, TimeProvider clock)
{
    private const int BatchSize = 1_000;

    /// <param name="cancellationToken">Stops the refresh between contacts.</param>
    /// <param name="writtenSince">Contacts synced at or after this moment (by the run asking) are left out.</param>
    public async Task<int> RefreshAsync(CancellationToken cancellationToken, DateTime? writtenSince = null)
    {
        var rules = await ruleStore.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var changed = 0;
        var live = database.Contacts.AsNoTracking().Where(c => c.ArchivedAt == null);
        if (writtenSince is { } since)
        {
            live = live.Where(c => c.SyncedAt == null || c.SyncedAt < since);
        }

        for (var page = 0; ; page++)
        {
            // Tag changes never add or remove rows, so paging by position in id order sees each contact once.
            var batch = await live.OrderBy(c => c.Id).Skip(page * BatchSize).Take(BatchSize)
                .Select(c => new { c.Id, c.HubSpotUpdatedAt, c.Properties, c.Segments }).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return changed;
            }

            foreach (var contact in batch)
            {
                var properties = JsonSerializer.Deserialize<Dictionary<string, string?>>(contact.Properties) ?? [];
                var updated = contact.HubSpotUpdatedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : (DateTimeOffset?)null;
                var segments = ContactSegmenter.Tag(new SegmentInput(updated, properties), rules, now);
                if (!segments.SequenceEqual(contact.Segments))
                {
                    // Few contacts change tags at a time (crossing 30 or 90 days, or a new rule), so one update each is cheap.
                    List<string> tags = [.. segments];
                    await database.Contacts.Where(c => c.Id == contact.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Segments, tags), cancellationToken);
                    changed++;
                }
            }
        }
    }
}
