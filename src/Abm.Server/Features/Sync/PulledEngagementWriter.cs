using System.Text.Json;
using Abm.Data;
using Abm.Data.Bulk;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Abm.Server.Features.Nurture.Enrollments;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Sync;

/// <summary>
/// One engagement event read from HubSpot; <paramref name="ClientEventId"/> is stable, so reading it again stores nothing.
/// <paramref name="EmailCampaignId"/> is an email event's <c>emailCampaignId</c>: it ties opens and clicks to the marketing email sent.
/// </summary>
internal sealed record PulledEvent(string ClientEventId, Guid ContactId, string Type, DateTime OccurredAt, string? Detail, Guid? ContentId = null, long? EmailCampaignId = null)
{
    private static readonly JsonSerializerOptions MetadataJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The event's metadata document: <c>{"detail": ..., "emailCampaignId": ...}</c> with what it has, or null.</summary>
    public string? Metadata => Detail is null && EmailCampaignId is null ? null : JsonSerializer.Serialize(new { detail = Detail, emailCampaignId = EmailCampaignId }, MetadataJson);
}

/// <summary>
/// Stores what the engagement pulls read from HubSpot: events not stored before (by client id), queued for
/// rescoring with the rest of the run, contacts found by email, and the pulls' watermarks.
/// </summary>
internal sealed class PulledEngagementWriter(AbmDbContext database, CurrentWorkspace workspace, SyncRecordWriter writer, NurtureTriggers triggers, TimeProvider clock)
{
    private RowUpsert<EngagementEvent>? _insertNew;

    /// <summary>
    /// Adds the events not already stored and returns how many that was. They are written with a few multi-row
    /// statements in one transaction, new ones only (the unique client id decides), without change tracking: a page
    /// of a thousand email events took 80-430 ms through tracked inserts and a look-up of the known ids, and the
    /// email-event pull, the last part of a full sync to finish, is as slow as its pages are to store. A pull's
    /// <paramref name="checkpoint"/> (its watermark, already moved past these events) is saved in the same
    /// transaction, so the events and the point the next read starts from are stored together or not at all.
    /// </summary>
    public async Task<int> AddAsync(IEnumerable<PulledEvent> pulled, SyncState? checkpoint, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var workspaceId = workspace.WorkspaceId ?? throw new InvalidOperationException("Engagement pull needs a workspace.");
        var rows = pulled.DistinctBy(e => e.ClientEventId).Select(e => new EngagementEvent
        {
            WorkspaceId = workspaceId,
            Id = Guid.CreateVersion7(),
            OccurredAt = e.OccurredAt,
            ContactId = e.ContactId,
            EventType = e.Type,
            ContentId = e.ContentId,
            Source = "hubspot",
            ClientEventId = e.ClientEventId,
            Metadata = e.Metadata,
            CreatedAt = now,
        }).ToList();
        _insertNew ??= RowUpsert.InsertingNew<EngagementEvent>(
            database, [nameof(EngagementEvent.WorkspaceId), nameof(EngagementEvent.ClientEventId)], nameof(EngagementEvent.Id), "client_event_id IS NOT NULL");
        IReadOnlyList<Guid> inserted;
        await using (var transaction = database.Database.CurrentTransaction is null ? await database.Database.BeginTransactionAsync(cancellationToken) : null)
        {
            inserted = rows.Count == 0 ? [] : await _insertNew.ExecuteAsync(database, rows, cancellationToken);
            if (checkpoint is not null)
            {
                await SaveAsync(checkpoint, cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }

        var insertedIds = inserted.ToHashSet();
        var fresh = rows.Where(r => insertedIds.Contains(r.Id)).ToList();
        writer.MarkForRescoring(fresh.Select(e => e.ContactId));
        await triggers.OnEventsAsync(fresh, cancellationToken);
        return fresh.Count;
    }

    /// <summary>Synced, unarchived contacts by lower-cased email (emails are stored lower-cased).</summary>
    public async Task<Dictionary<string, Guid>> ContactsByEmailAsync(IEnumerable<string> emails, CancellationToken cancellationToken)
    {
        var wanted = emails.Select(e => e.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var rows = await database.Contacts.Where(c => c.Email != null && wanted.Contains(c.Email) && c.ArchivedAt == null)
            .Select(c => new { c.Email, c.Id }).ToListAsync(cancellationToken);
        return rows.DistinctBy(r => r.Email).ToDictionary(r => r.Email!, r => r.Id, StringComparer.Ordinal);
    }

    public async Task SaveAsync(SyncState state, CancellationToken cancellationToken)
    {
        state.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await database.SaveChangesAsync(cancellationToken);
    }

    public static DateTimeOffset? Utc(DateTime? value) => value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    public static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
