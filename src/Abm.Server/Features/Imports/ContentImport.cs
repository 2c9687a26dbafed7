using System.Globalization;
using System.Security.Claims;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Audit;
using Abm.Server.Features.Content;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Imports;

/// <summary>
/// Imports content items from CSV. Rows with an external_id update the item that has it (so a re-import
/// refreshes the library instead of duplicating it); each bad row is reported and skipped.
/// Columns: external_id, title, content_type, complexity, topic, url, target_industries, target_personas,
/// target_journey_stages (lists separated by ';'), published_at, duration_minutes.
/// </summary>
internal sealed class ContentImport(AbmDbContext database, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Rows whose existing items are looked up with one query: the cost follows the file, not the library.</summary>
    private const int LookupChunk = 500;

    public async Task<ImportReport> ImportAsync(Stream csv, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var results = new List<RowResult>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = new List<(int Line, ContentItemRequest Request)>(LookupChunk);
        await foreach (var row in CsvRows.ReadAsync(csv, cancellationToken))
        {
            var (request, errors) = Parse(row);
            if (request?.ExternalId is { } externalId && seen.TryGetValue(externalId, out var firstLine))
            {
                errors.Add($"external_id '{externalId}' already appears on line {firstLine}.");
            }

            if (errors.Count > 0 || request is null)
            {
                results.Add(new RowResult(row.Line, RowOutcome.Rejected, null, errors));
                continue;
            }

            if (request.ExternalId is { } id)
            {
                seen[id] = row.Line;
            }

            pending.Add((row.Line, request));
            if (pending.Count == LookupChunk)
            {
                await ApplyAsync(pending, user.WorkspaceId(), now, results, cancellationToken);
            }
        }

        await ApplyAsync(pending, user.WorkspaceId(), now, results, cancellationToken);
        var report = ImportReport.From(results.OrderBy(r => r.Line).ToList());
        audit.Record(user.WorkspaceId(), user, "content.imported", "content_item", null, new { report.Created, report.Updated, report.Rejected });
        await database.SaveChangesAsync(cancellationToken);
        return report;
    }

    /// <summary>Creates or updates the items of a chunk of valid rows; saved with the rest of the file at the end.</summary>
    private async Task ApplyAsync(List<(int Line, ContentItemRequest Request)> pending, Guid workspaceId, DateTime now, List<RowResult> results, CancellationToken cancellationToken)
    {
        var externalIds = pending.Select(p => p.Request.ExternalId).OfType<string>().ToList();
        var existing = externalIds.Count == 0
            ? []
            : await database.ContentItems.Where(c => c.ExternalId != null && externalIds.Contains(c.ExternalId))
                .ToDictionaryAsync(c => c.ExternalId!, StringComparer.Ordinal, cancellationToken);
        foreach (var (line, request) in pending)
        {
            var found = request.ExternalId is { } id ? existing.GetValueOrDefault(id) : null;
            var item = found ?? NewItem(request, workspaceId, now);
            request.ApplyTo(item);
            item.UpdatedAt = now;
            item.ArchivedAt = null;
            results.Add(new RowResult(line, found is null ? RowOutcome.Created : RowOutcome.Updated, item.Id.ToString(), null));
        }

        pending.Clear();
    }

    private ContentItem NewItem(ContentItemRequest request, Guid workspaceId, DateTime now)
    {
        var item = new ContentItem { Id = Guid.CreateVersion7(), WorkspaceId = workspaceId, Title = request.Title, ContentType = request.ContentType, CreatedAt = now };
        database.ContentItems.Add(item);
        return item;
    }

    private static (ContentItemRequest? Request, List<string> Errors) Parse(ImportRow row)
    {
        var errors = new List<string>();
        DateTimeOffset? published = null;
        if (row.Get("published_at") is { } publishedText)
        {
            if (CsvRows.TryParseTime(publishedText, out var parsed))
            {
                published = parsed;
            }
            else
            {
                errors.Add($"published_at '{publishedText}' is not a date.");
            }
        }

        int? duration = null;
        if (row.Get("duration_minutes") is { } durationText)
        {
            if (int.TryParse(durationText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes))
            {
                duration = minutes;
            }
            else
            {
                errors.Add($"duration_minutes '{durationText}' is not a whole number.");
            }
        }

        var request = new ContentItemRequest(
            row.Get("title") ?? "", row.Get("content_type") ?? "", row.Get("complexity"), row.Get("topic"), row.Get("url"), row.Get("external_id"),
            row.GetList("target_industries"), row.GetList("target_personas"), row.GetList("target_journey_stages"), published, duration);
        errors.AddRange(RequestValidationFilter.Validate(request).Select(r => r.ErrorMessage ?? "Invalid value."));
        return (request, errors);
    }
}
