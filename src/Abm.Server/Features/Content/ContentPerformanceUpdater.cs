using System.Text.Json;
using Abm.Data;
using Abm.Engines.Engagement;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Content;

/// <summary>
/// Recomputes and stores the performance metrics of content items of the current workspace. Items are
/// refreshed when events reference them and all of them in the nightly pass, which also catches outcomes
/// that arrive later without naming any content. The recommender reads the new rates when it is next rebuilt.
/// </summary>
internal sealed class ContentPerformanceUpdater(AbmDbContext database, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<int> UpdateAllAsync(CancellationToken cancellationToken) =>
        await UpdateAsync(await database.ContentItems.Select(c => c.Id).ToListAsync(cancellationToken), cancellationToken);

    public async Task<int> UpdateAsync(IReadOnlyCollection<Guid> contentIds, CancellationToken cancellationToken)
    {
        if (contentIds.Count == 0)
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var items = await database.ContentItems.Where(c => contentIds.Contains(c.Id)).ToListAsync(cancellationToken);
        var events = (await database.EngagementEvents.Where(e => e.ContentId != null && contentIds.Contains(e.ContentId.Value))
                .Select(e => new { ContentId = e.ContentId!.Value, e.ContactId, e.EventType, e.OccurredAt, e.DurationSeconds })
                .ToListAsync(cancellationToken))
            .Select(e => (e.ContentId, Ok: ContentPerformanceCalculator.TryParse(e.EventType, out var type), Event: new ContentEvent(e.ContactId, type, e.OccurredAt, e.DurationSeconds)))
            .Where(e => e.Ok)
            .ToLookup(e => e.ContentId, e => e.Event);
        var reached = events.SelectMany(g => g.Select(e => e.ContactId)).Distinct().ToList();
        var outcomeNames = Enum.GetValues<EngagementEventType>().Where(ContentPerformanceCalculator.IsOutcome).Select(Abm.Engines.WireNames.ToWireName).ToList();
        var outcomeEvents = await database.EngagementEvents.Where(e => reached.Contains(e.ContactId) && outcomeNames.Contains(e.EventType))
            .Select(e => new { e.ContactId, e.OccurredAt, e.EventType }).ToListAsync(cancellationToken);
        var outcomes = outcomeEvents.ToLookup(e => e.ContactId, e => e.OccurredAt);
        var meetingName = Abm.Engines.WireNames.ToWireName(EngagementEventType.MeetingBooked);
        var meetings = outcomeEvents.Where(e => e.EventType == meetingName).ToLookup(e => e.ContactId, e => e.OccurredAt);

        foreach (var item in items)
        {
            var metrics = ContentPerformanceCalculator.Compute(events[item.Id].ToList(), outcomes, item.DurationMinutes, now, meetings);
            item.PerformanceMetrics = JsonSerializer.Serialize(metrics, Json);
        }

        await database.SaveChangesAsync(cancellationToken);
        return items.Count;
    }
}
