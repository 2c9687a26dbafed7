using System.Text.Json;
using Abm.Data;
using Abm.Data.Entities;
using Abm.Server.Features.Access;
using Abm.Server.Features.Nurture.Enrollments;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Sync;

/// <summary>One engagement event read from HubSpot; <paramref name="ClientEventId"/> is stable, so reading it again stores nothing.</summary>
internal sealed record PulledEvent(string ClientEventId, Guid ContactId, string Type, DateTime OccurredAt, string? Detail);

/// <summary>
/// Stores what the engagement pulls read from HubSpot: events not stored before (by client id), queued for
/// rescoring with the rest of the run, contacts found by email, and the pulls' watermarks.
/// </summary>
internal sealed class PulledEngagementWriter(AbmDbContext database, CurrentWorkspace workspace, SyncRecordWriter writer, NurtureTriggers triggers, TimeProvider clock)
{
    /// <summary>Adds the events not already stored and returns how many that was.</summary>
    public async Task<int> AddAsync(IEnumerable<PulledEvent> pulled, CancellationToken cancellationToken)
    {
        var events = pulled.DistinctBy(e => e.ClientEventId).ToList();
        var ids = events.Select(e => e.ClientEventId).ToList();
        var known = await database.EngagementEvents.Where(e => e.ClientEventId != null && ids.Contains(e.ClientEventId)).Select(e => e.ClientEventId!).ToHashSetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var workspaceId = workspace.WorkspaceId ?? throw new InvalidOperationException("Engagement pull needs a workspace.");
        var fresh = events.Where(e => !known.Contains(e.ClientEventId)).ToList();
        var rows = fresh.Select(e => new EngagementEvent
        {
            WorkspaceId = workspaceId,
            Id = Guid.CreateVersion7(),
            OccurredAt = e.OccurredAt,
            ContactId = e.ContactId,
            EventType = e.Type,
            Source = "hubspot",
            ClientEventId = e.ClientEventId,
            Metadata = e.Detail is null ? null : JsonSerializer.Serialize(new { detail = e.Detail }),
            CreatedAt = now,
        }).ToList();
        database.EngagementEvents.AddRange(rows);
        await database.SaveChangesAsync(cancellationToken);
        writer.MarkForRescoring(fresh.Select(e => e.ContactId));
        await triggers.OnEventsAsync(rows, cancellationToken);
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
