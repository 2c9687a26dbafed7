using Abm.Data;
using Abm.Engines;
using Abm.Engines.Content;
using Abm.Engines.Engagement;
using Abm.Engines.Journey;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Engagement;

/// <summary>Loads the engines' inputs for a chunk of contacts with one query per kind of fact.</summary>
internal static class ContactFactsLoader
{
    public static async Task<Dictionary<Guid, ContactFacts>> LoadAsync(
        AbmDbContext database, Guid[] ids, DateTimeOffset now, EngagementSettings settings, CancellationToken cancellationToken)
    {
        // Velocity compares two periods, so evidence reaches back whichever is further: the window or both periods.
        var horizon = now.UtcDateTime.AddDays(-Math.Max(settings.WindowDays, 2 * settings.VelocityPeriodDays));
        var contacts = await database.Contacts.Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.JobTitle, c.JourneyStage, c.JourneyStageOverride }).ToListAsync(cancellationToken);
        var events = await database.EngagementEvents.Where(e => ids.Contains(e.ContactId) && e.OccurredAt >= horizon)
            .Select(e => new { e.ContactId, e.OccurredAt, e.EventType, e.ContentId }).ToListAsync(cancellationToken);
        var contentIds = events.Select(e => e.ContentId).OfType<Guid>().Distinct().ToList();
        var items = await database.ContentItems.Where(c => contentIds.Contains(c.Id))
            .Select(c => new { c.Id, c.ContentType, c.TargetJourneyStages }).ToListAsync(cancellationToken);
        var contentTypes = items
            .Select(c => (c.Id, Ok: WireNames.TryParseContentType(c.ContentType, out var type), Type: type))
            .Where(c => c.Ok)
            .ToDictionary(c => c.Id, c => c.Type);
        var contentStages = items.ToDictionary(c => c.Id, c => AccountReadingLoader.Stages(c.TargetJourneyStages));
        var deals = await (from link in database.DealContacts
                           join deal in database.Deals on link.DealId equals deal.Id
                           where ids.Contains(link.ContactId) && deal.Stage != null
                           select new { link.ContactId, deal.Stage }).ToListAsync(cancellationToken);

        // The latest event of all time, not only of the window: "last interaction" is shown even for cold contacts.
        // One MAX per contact reads the end of its (contact, time) index; a GROUP BY over the events let SQLite,
        // which has no statistics, walk every event of the workspace through the (workspace, type) index instead.
        var lastEvents = (await database.Contacts.Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, Last = database.EngagementEvents.Where(e => e.ContactId == c.Id).Max(e => (DateTime?)e.OccurredAt) })
                .ToListAsync(cancellationToken))
            .Where(c => c.Last is not null)
            .ToDictionary(c => c.Id, c => c.Last!.Value);
        var eventsByContact = events.ToLookup(e => e.ContactId);
        var dealsByContact = deals.ToLookup(d => d.ContactId);
        return contacts.ToDictionary(c => c.Id, c =>
        {
            var parsed = eventsByContact[c.Id]
                .Select(e => (Row: e, Ok: WireNames.TryParseEventType(e.EventType, out var type), Type: type))
                .Where(x => x.Ok)
                .ToList();
            var interactions = parsed
                .Where(x => x.Row.ContentId is { } id && contentTypes.ContainsKey(id))
                .Select(x => new ContentInteraction(x.Row.ContentId!.Value.ToString(), contentTypes[x.Row.ContentId!.Value], x.Type, Utc(x.Row.OccurredAt)))
                .ToList();
            return new ContactFacts(
                c.JobTitle,
                WireNames.TryParseJourneyStage(c.JourneyStage, out var current) ? current : null,
                WireNames.TryParseJourneyStage(c.JourneyStageOverride, out var pinned) ? pinned : null,
                dealsByContact[c.Id].Select(d => WireNames.TryParseDealStage(d.Stage, out var s) ? (DealStage?)s : null).OfType<DealStage>().ToList(),
                parsed.Select(x => new EngagementEvent(x.Type, Utc(x.Row.OccurredAt))).ToList(),
                interactions,
                parsed.Where(x => x.Row.ContentId is { } id && contentStages.ContainsKey(id))
                    .Select(x => new StageReading(Utc(x.Row.OccurredAt), contentStages[x.Row.ContentId!.Value])).ToList(),
                lastEvents.TryGetValue(c.Id, out var last) ? last : null);
        });
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
