using Abm.Data;
using Abm.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Abm.Server.Features.Webhooks;

/// <summary>
/// Per record of the current workspace, the newest event time already applied. A record was re-read after
/// that event, so an event that is not newer (a duplicate, or one overtaken by a later event) needs no work.
/// </summary>
internal sealed class WebhookRecordMarks(AbmDbContext database)
{
    private const int LookupChunk = 500;

    // Four parameters a record; Microsoft.Data.Sqlite binds by name, at a cost growing with the square of their number.
    private const int UpsertChunk = 60;

    /// <summary>The records whose event is newer than the mark they have (or that have none).</summary>
    public async Task<Dictionary<string, DateTimeOffset>> NewerAsync(string objectType, IReadOnlyDictionary<string, DateTimeOffset> records, CancellationToken cancellationToken)
    {
        var marks = await LoadAsync(objectType, records.Keys, cancellationToken);
        return records.Where(r => !marks.TryGetValue(r.Key, out var mark) || r.Value.UtcDateTime > mark)
            .ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// Moves each record's mark forward to its event time; a mark never moves back. Pooled batches mark thousands
    /// of records a pass, so this is one multi-row upsert per 60 records rather than a tracked update per record.
    /// </summary>
    public async Task RecordAsync(string objectType, IReadOnlyDictionary<string, DateTimeOffset> records, CancellationToken cancellationToken)
    {
        var workspaceId = database.CurrentWorkspaceId ?? throw new InvalidOperationException("Webhook marks are kept per workspace; none is set.");
        var entity = database.Model.FindEntityType(typeof(WebhookRecordMark))!;
        IProperty[] columns = [.. new[] { nameof(WebhookRecordMark.WorkspaceId), nameof(WebhookRecordMark.ObjectType), nameof(WebhookRecordMark.HubSpotId), nameof(WebhookRecordMark.LastOccurredAt) }
            .Select(name => entity.FindProperty(name)!)];
        await database.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            foreach (var chunk in records.Chunk(UpsertChunk))
            {
                await using var command = database.Database.GetDbConnection().CreateCommand();
                command.Transaction = database.Database.CurrentTransaction?.GetDbTransaction();
                var rows = new List<string>(chunk.Length);
                foreach (var (id, occurredAt) in chunk)
                {
                    object[] values = [workspaceId, objectType, id, occurredAt.UtcDateTime];
                    var names = values.Select((value, c) =>
                    {
                        var name = $"@p{command.Parameters.Count}";
                        // The mapping applies the model's value converter and the provider's type, as EF would store it.
                        command.Parameters.Add(columns[c].GetRelationalTypeMapping().CreateParameter(command, name, value, nullable: false));
                        return name;
                    }).ToList();
                    rows.Add($"({string.Join(", ", names)})");
                }

                command.CommandText = $"""
                    INSERT INTO webhook_record_marks (workspace_id, object_type, hubspot_id, last_occurred_at) VALUES {string.Join(", ", rows)}
                    ON CONFLICT (workspace_id, object_type, hubspot_id) DO UPDATE SET last_occurred_at = excluded.last_occurred_at
                    WHERE excluded.last_occurred_at > webhook_record_marks.last_occurred_at
                    """;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await database.Database.CloseConnectionAsync();
        }
    }

    private async Task<Dictionary<string, DateTime>> LoadAsync(string objectType, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var marks = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(LookupChunk))
        {
            var query = database.WebhookRecordMarks.AsNoTracking().Where(m => m.ObjectType == objectType && chunk.Contains(m.HubSpotId));
            foreach (var mark in await query.ToListAsync(cancellationToken))
            {
                marks[mark.HubSpotId] = mark.LastOccurredAt;
            }
        }

        return marks;
    }
}
