using System.Text.Json;
using Abm.Data;
using Abm.Engines.Segments;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Re-tags every live contact of the current workspace after a sync or a rule change: <c>engaged</c> and
/// <c>cold</c> depend on how long ago HubSpot last changed a contact, so they move with time even when
/// nothing is read. Only contacts whose tags differ are written.
/// </summary>
internal sealed class SegmentRefresher(AbmDbContext database, SegmentRuleStore ruleStore, TimeProvider clock)
{
    private const int BatchSize = 1_000;

    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        var rules = await ruleStore.GetAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var changed = 0;
        var page = 0;
        while (true)
        {
            // Tag changes never add or remove rows, so paging by position in id order sees each contact once.
            var batch = await database.Contacts.Where(c => c.ArchivedAt == null)
                .OrderBy(c => c.Id).Skip(page * BatchSize).Take(BatchSize).ToListAsync(cancellationToken);
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
                    contact.Segments = [.. segments];
                    changed++;
                }
            }

            await database.SaveChangesAsync(cancellationToken);
            database.ChangeTracker.Clear();
            page++;
        }
    }
}
