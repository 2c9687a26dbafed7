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
    public async Task<ImportReport> ImportAsync(Stream csv, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var results = new List<RowResult>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var existing = await database.ContentItems.Where(c => c.ExternalId != null).ToDictionaryAsync(c => c.ExternalId!, StringComparer.Ordinal, cancellationToken);
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

            var isUpdate = request.ExternalId is not null && existing.ContainsKey(request.ExternalId);
            var item = isUpdate ? existing[request.ExternalId!] : NewItem(request, user.WorkspaceId(), now);
            request.ApplyTo(item);
            item.UpdatedAt = now;
            item.ArchivedAt = null;
            results.Add(new RowResult(row.Line, isUpdate ? RowOutcome.Updated : RowOutcome.Created, item.Id.ToString(), null));
        }

        var report = ImportReport.From(results);
        audit.Record(user.WorkspaceId(), user, "content.imported", "content_item", null, new { report.Created, report.Updated, report.Rejected });
        await database.SaveChangesAsync(cancellationToken);
        return report;
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
