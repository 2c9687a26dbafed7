using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines;
using Abm.Server.Features.Engagement;
using Abm.Server.Features.Live;
using Abm.Server.Features.Nurture.Enrollments;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Events;

/// <summary>
/// Stores a batch of events for the current workspace. Each item is judged on its own: bad items are
/// reported and skipped, good ones are stored, and an item whose clientEventId was seen before (in an
/// earlier batch or earlier in this one) is acknowledged as a duplicate instead of stored twice.
/// </summary>
internal sealed class EventIntake(AbmDbContext database, ScoringQueue scoring, NurtureTriggers triggers, LiveHub live, TimeProvider clock)
{
    public async Task<EventBatchResponse> IngestAsync(Guid workspaceId, IReadOnlyList<IncomingEvent> items, string source, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lookups = await EventLookups.LoadAsync(database, items, cancellationToken);
        var results = new EventResult[items.Count];
        var accepted = new List<(int Index, EngagementEvent Row)>();
        var seenInBatch = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var errors = IncomingEventValidator.Validate(item, now, out var type);
            var contact = lookups.FindContact(item);
            if (errors.Count == 0 && contact is null)
            {
                errors.Add($"No contact with {(item.ContactHubSpotId is { Length: > 0 } id ? $"HubSpot id '{id}'" : $"email '{item.ContactEmail}'")} in this workspace.");
            }

            if (item.ContentId is { } contentId && !lookups.ContentIds.Contains(contentId))
            {
                errors.Add($"No content item {contentId} in this workspace.");
            }

            if (errors.Count > 0)
            {
                results[i] = new EventResult(i, EventOutcome.Rejected, null, item.ClientEventId, errors);
                continue;
            }

            if (item.ClientEventId is { } clientId && (lookups.KnownClientEventIds.Contains(clientId) || !seenInBatch.Add(clientId)))
            {
                results[i] = new EventResult(i, EventOutcome.Duplicate, null, clientId, null);
                continue;
            }

            var row = new EngagementEvent
            {
                Id = Guid.CreateVersion7(),
                WorkspaceId = workspaceId,
                OccurredAt = item.OccurredAt!.Value.UtcDateTime,
                ContactId = contact!.Id,
                EventType = type.ToWireName(),
                ContentId = item.ContentId,
                DurationSeconds = item.DurationSeconds,
                Metadata = item.Metadata is { ValueKind: System.Text.Json.JsonValueKind.Object } metadata ? metadata.GetRawText() : null,
                Source = source,
                ClientEventId = item.ClientEventId,
                CreatedAt = now.UtcDateTime,
            };
            accepted.Add((i, row));
            results[i] = new EventResult(i, EventOutcome.Accepted, row.Id, item.ClientEventId, null);
        }

        await SaveAsync(accepted, results, cancellationToken);
        var stored = accepted.Where(a => results[a.Index].Status == EventOutcome.Accepted).Select(a => a.Row).ToList();
        scoring.Enqueue(workspaceId, stored.Select(e => e.ContactId).ToHashSet(), stored.Select(e => e.ContentId).OfType<Guid>().ToHashSet());
        await triggers.OnEventsAsync(stored, cancellationToken);
        if (stored.Count > 0)
        {
            live.Publish(workspaceId, LiveKinds.Events);
        }

        return new EventBatchResponse(
            results.Count(r => r.Status == EventOutcome.Accepted),
            results.Count(r => r.Status == EventOutcome.Duplicate),
            results.Count(r => r.Status == EventOutcome.Rejected),
            results);
    }

    /// <summary>
    /// A concurrent batch may store the same clientEventId between our lookup and our insert; the unique
    /// index then rejects the insert, and the items it names are re-marked as duplicates and the rest saved.
    /// </summary>
    private async Task SaveAsync(List<(int Index, EngagementEvent Row)> accepted, EventResult[] results, CancellationToken cancellationToken)
    {
        database.EngagementEvents.AddRange(accepted.Select(a => a.Row));
        try
        {
            await database.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (accepted.Any(a => a.Row.ClientEventId is not null))
        {
            var clientIds = accepted.Select(a => a.Row.ClientEventId).OfType<string>().ToList();
            var stored = (await database.EngagementEvents.AsNoTracking()
                .Where(e => e.ClientEventId != null && clientIds.Contains(e.ClientEventId))
                .Select(e => e.ClientEventId!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            foreach (var (index, row) in accepted.Where(a => a.Row.ClientEventId is { } id && stored.Contains(id)))
            {
                database.Entry(row).State = EntityState.Detached;
                results[index] = new EventResult(index, EventOutcome.Duplicate, null, row.ClientEventId, null);
            }

            await database.SaveChangesAsync(cancellationToken);
        }
    }
}
