using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Abm.Data;
using Abm.Server.Features.Access;
using Abm.Server.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Imports;

/// <summary>
/// Imports historical events from CSV through the same intake as the event API, 1,000 rows at a time, and
/// reports each line. Columns: client_event_id, type, occurred_at (ISO 8601 or epoch ms), contact_hubspot_id,
/// contact_email, content_id or content_external_id, duration_seconds, metadata (a JSON object).
/// </summary>
internal sealed class EventImport(AbmDbContext database, EventIntake intake)
{
    public async Task<ImportReport> ImportAsync(Stream csv, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var contentByExternalId = await database.ContentItems.Where(c => c.ExternalId != null)
            .ToDictionaryAsync(c => c.ExternalId!, c => c.Id, StringComparer.Ordinal, cancellationToken);
        var results = new List<RowResult>();
        var batch = new List<(int Line, IncomingEvent Event)>();
        await foreach (var row in CsvRows.ReadAsync(csv, cancellationToken))
        {
            var (item, errors) = Parse(row, contentByExternalId);
            if (errors.Count > 0)
            {
                results.Add(new RowResult(row.Line, RowOutcome.Rejected, null, errors));
                continue;
            }

            batch.Add((row.Line, item));
            if (batch.Count == EventBatchRequest.MaxEvents)
            {
                results.AddRange(await SendAsync(batch, user, cancellationToken));
                batch.Clear();
            }
        }

        results.AddRange(await SendAsync(batch, user, cancellationToken));
        return ImportReport.From(results.OrderBy(r => r.Line).ToList());
    }

    private async Task<IEnumerable<RowResult>> SendAsync(List<(int Line, IncomingEvent Event)> batch, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return [];
        }

        var response = await intake.IngestAsync(user.WorkspaceId(), batch.Select(b => b.Event).ToList(), "import", cancellationToken);
        return response.Results.Select(r => new RowResult(batch[r.Index].Line, r.Status switch
        {
            EventOutcome.Accepted => RowOutcome.Created,
            EventOutcome.Duplicate => RowOutcome.Duplicate,
            _ => RowOutcome.Rejected,
        }, r.EventId?.ToString(), r.Errors)).ToList();
    }

    private static (IncomingEvent Event, List<string> Errors) Parse(ImportRow row, Dictionary<string, Guid> contentByExternalId)
    {
        var errors = new List<string>();
        DateTimeOffset? occurredAt = null;
        if (row.Get("occurred_at") is { } timeText)
        {
            if (CsvRows.TryParseTime(timeText, out var parsed))
            {
                occurredAt = parsed;
            }
            else
            {
                errors.Add($"occurred_at '{timeText}' is not a date.");
            }
        }

        Guid? contentId = null;
        if (row.Get("content_id") is { } idText)
        {
            if (Guid.TryParse(idText, out var parsed))
            {
                contentId = parsed;
            }
            else
            {
                errors.Add($"content_id '{idText}' is not a content id.");
            }
        }
        else if (row.Get("content_external_id") is { } externalId)
        {
            if (contentByExternalId.TryGetValue(externalId, out var found))
            {
                contentId = found;
            }
            else
            {
                errors.Add($"No content item has external id '{externalId}'.");
            }
        }

        int? duration = null;
        if (row.Get("duration_seconds") is { } durationText)
        {
            if (int.TryParse(durationText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            {
                duration = seconds;
            }
            else
            {
                errors.Add($"duration_seconds '{durationText}' is not a whole number.");
            }
        }

        JsonElement? metadata = null;
        if (row.Get("metadata") is { } json)
        {
            try
            {
                metadata = JsonDocument.Parse(json).RootElement.Clone();
            }
            catch (JsonException)
            {
                errors.Add("metadata is not valid JSON.");
            }
        }

        return (new IncomingEvent(row.Get("client_event_id"), row.Get("type"), occurredAt, row.Get("contact_hubspot_id"), row.Get("contact_email"), contentId, duration, metadata), errors);
    }
}
