using Abm.Data;
using Abm.Engines.Analytics;
using Abm.Server.Features.Sync;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Analytics;

/// <summary>
/// Contact analytics from the local copy, counted in the database (a row per day, stage or source comes back, never
/// a row per contact) over live contacts, using the <c>(workspace, hubspot_created_at)</c> index.
/// </summary>
internal sealed class ContactAnalyticsQuery(AbmDbContext database, CopyFreshness freshness)
{
    public async Task<ContactAnalyticsResponse> RunAsync(AnalyticsRange range, CancellationToken cancellationToken)
    {
        var (start, end) = (range.StartUtc, range.EndUtc);
        var live = database.Contacts.AsNoTracking().Where(c => c.ArchivedAt == null);
        var inRange = live.Where(c => c.HubSpotCreatedAt >= start && c.HubSpotCreatedAt < end);
        var perDay = await inRange.GroupBy(c => c.HubSpotCreatedAt!.Value.Date)
            .Select(g => new { Day = g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        var before = await live.LongCountAsync(c => c.HubSpotCreatedAt < start, cancellationToken);
        var undated = await live.LongCountAsync(c => c.HubSpotCreatedAt == null, cancellationToken);
        var stages = await live.GroupBy(c => c.LifecycleStage).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        var sources = await inRange.GroupBy(c => c.OriginalSource).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);

        var growth = ContactGrowth.Compute(perDay.Select(d => new DailyCount(DateOnly.FromDateTime(d.Day), d.Count)), before, range.From, range.To, range.Period);
        return new ContactAnalyticsResponse(
            range.From, range.To, range.PeriodName, await freshness.OfAsync([SyncedObjects.Contacts], cancellationToken),
            growth.Sum(g => g.New), growth.Count == 0 ? before : growth[^1].Cumulative, undated, growth,
            Distribution.Of(stages.Select(s => (s.Key, s.Count))), Distribution.Of(sources.Select(s => (s.Key, s.Count))));
    }
}
