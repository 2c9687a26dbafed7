using Abm.Data;
using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Webhooks;

/// <summary>
/// Per record of the current workspace, the newest event time already applied. A record was re-read after
/// that event, so an event that is not newer (a duplicate, or one overtaken by a later event) needs no work.
/// </summary>
internal sealed class WebhookRecordMarks(AbmDbContext database)
{
    private const int LookupChunk = 500;

    /// <summary>The records whose event is newer than the mark they have (or that have none).</summary>
    public async Task<Dictionary<string, DateTimeOffset>> NewerAsync(string objectType, IReadOnlyDictionary<string, DateTimeOffset> records, CancellationToken cancellationToken)
    {
        var marks = await LoadAsync(objectType, records.Keys, tracked: false, cancellationToken);
        return records.Where(r => !marks.TryGetValue(r.Key, out var mark) || r.Value.UtcDateTime > mark.LastOccurredAt)
            .ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
    }

    /// <summary>Moves each record's mark forward to its event time; a mark never moves back.</summary>
    public async Task RecordAsync(string objectType, IReadOnlyDictionary<string, DateTimeOffset> records, CancellationToken cancellationToken)
    {
        var workspaceId = database.CurrentWorkspaceId ?? throw new InvalidOperationException("Webhook marks are kept per workspace; none is set.");
        var marks = await LoadAsync(objectType, records.Keys, tracked: true, cancellationToken);
        foreach (var (id, occurredAt) in records)
        {
            if (!marks.TryGetValue(id, out var mark))
            {
                database.WebhookRecordMarks.Add(new WebhookRecordMark { WorkspaceId = workspaceId, ObjectType = objectType, HubSpotId = id, LastOccurredAt = occurredAt.UtcDateTime });
            }
            else if (occurredAt.UtcDateTime > mark.LastOccurredAt)
            {
                mark.LastOccurredAt = occurredAt.UtcDateTime;
            }
        }

        await database.SaveChangesAsync(cancellationToken);
    }

    private async Task<Dictionary<string, WebhookRecordMark>> LoadAsync(string objectType, IEnumerable<string> ids, bool tracked, CancellationToken cancellationToken)
    {
        var marks = new Dictionary<string, WebhookRecordMark>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(LookupChunk))
        {
            var query = database.WebhookRecordMarks.Where(m => m.ObjectType == objectType && chunk.Contains(m.HubSpotId));
            foreach (var mark in await (tracked ? query : query.AsNoTracking()).ToListAsync(cancellationToken))
            {
                marks[mark.HubSpotId] = mark;
            }
        }

        return marks;
    }
}
