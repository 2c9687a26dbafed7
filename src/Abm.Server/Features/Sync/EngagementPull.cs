using System.Globalization;
using Abm.Data;
using Abm.Data.Entities;
using Abm.HubSpot;
using Abm.HubSpot.Crm;
using Abm.HubSpot.Email;
using Abm.Server.Features.Access;
using Abm.Server.Features.Engagement;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Brings what contacts did in HubSpot into the engagement history: marketing email opens and clicks (email
/// events API) and meetings (CRM meetings with their contacts). Each HubSpot event becomes one engagement
/// event with a stable client id, so reading it twice stores it once; a watermark per source keeps the next
/// read short. Events of contacts not (yet) synced are skipped.
/// </summary>
internal sealed class EngagementPull(AbmDbContext database, SyncStates syncStates, CurrentWorkspace workspace, ScoringQueue scoring, TimeProvider clock)
{
    private const string EmailEvents = "email_events";

    private static readonly Dictionary<string, string> EmailEventTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["OPEN"] = "email_open",
        ["CLICK"] = "email_click",
    };

    public async Task PullAsync(HubSpotClient client, CancellationToken cancellationToken)
    {
        var states = await syncStates.LoadAsync([EmailEvents, SyncedObjects.Meetings], cancellationToken);
        await PullEmailEventsAsync(client, states[EmailEvents], cancellationToken);
        await PullMeetingsAsync(client, states[SyncedObjects.Meetings], cancellationToken);
    }

    private async Task PullEmailEventsAsync(HubSpotClient client, SyncState state, CancellationToken cancellationToken)
    {
        var query = new EmailEventQuery { Since = Utc(state.IncrementalWatermark) };
        string? offset = null;
        do
        {
            var page = await client.Email.ListEventPageAsync(query, offset, cancellationToken);
            var wanted = page.Events.Where(e => e.Type is not null && EmailEventTypes.ContainsKey(e.Type) && e.Recipient is not null && e.Created is not null).ToList();
            var contacts = await ContactsByEmailAsync(wanted.Select(e => e.Recipient!), cancellationToken);
            await AddAsync(
                wanted.Where(e => contacts.ContainsKey(e.Recipient!.ToLowerInvariant())).Select(e => new PulledEvent(
                    $"hubspot-email-{e.Id}", contacts[e.Recipient!.ToLowerInvariant()], EmailEventTypes[e.Type!], e.Created!.Value.UtcDateTime, e.Url)),
                cancellationToken);
            state.IncrementalWatermark = Later(state.IncrementalWatermark, page.Events.Max(e => e.Created)?.UtcDateTime);
            await SaveAsync(state, cancellationToken);
            offset = page.Offset;
        }
        while (offset is not null);
    }

    private async Task PullMeetingsAsync(HubSpotClient client, SyncState state, CancellationToken cancellationToken)
    {
        var since = Utc(state.IncrementalWatermark) ?? DateTimeOffset.UnixEpoch;
        await foreach (var page in client.Search.SearchModifiedSinceAsync(SyncedObjects.Meetings, since, ["hs_timestamp", "hs_meeting_title", "hs_meeting_outcome"], cancellationToken))
        {
            var meetings = await AssociationLoader.AttachAsync(client, SyncedObjects.Meetings, page, cancellationToken);
            var contactIds = meetings.SelectMany(m => HubSpotRecordMapping.AssociatedIds(m, SyncedObjects.Contacts)).Distinct(StringComparer.Ordinal).ToList();
            var contacts = await database.Contacts.Where(c => contactIds.Contains(c.HubSpotId)).ToDictionaryAsync(c => c.HubSpotId, c => c.Id, StringComparer.Ordinal, cancellationToken);
            await AddAsync(
                from meeting in meetings
                from contactHubSpotId in HubSpotRecordMapping.AssociatedIds(meeting, SyncedObjects.Contacts)
                where contacts.ContainsKey(contactHubSpotId)
                select new PulledEvent($"hubspot-meeting-{meeting.Id}-{contactHubSpotId}", contacts[contactHubSpotId], "meeting_booked", MeetingTime(meeting), meeting.Get("hs_meeting_title")),
                cancellationToken);
            state.IncrementalWatermark = Later(state.IncrementalWatermark, meetings.Max(m => m.UpdatedAt)?.UtcDateTime);
            await SaveAsync(state, cancellationToken);
        }
    }

    private sealed record PulledEvent(string ClientEventId, Guid ContactId, string Type, DateTime OccurredAt, string? Detail);

    private async Task AddAsync(IEnumerable<PulledEvent> pulled, CancellationToken cancellationToken)
    {
        var events = pulled.DistinctBy(e => e.ClientEventId).ToList();
        var ids = events.Select(e => e.ClientEventId).ToList();
        var known = await database.EngagementEvents.Where(e => e.ClientEventId != null && ids.Contains(e.ClientEventId)).Select(e => e.ClientEventId!).ToHashSetAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var workspaceId = workspace.WorkspaceId ?? throw new InvalidOperationException("Engagement pull needs a workspace.");
        var fresh = events.Where(e => !known.Contains(e.ClientEventId)).ToList();
        database.EngagementEvents.AddRange(fresh.Select(e => new EngagementEvent
        {
            WorkspaceId = workspaceId,
            Id = Guid.CreateVersion7(),
            OccurredAt = e.OccurredAt,
            ContactId = e.ContactId,
            EventType = e.Type,
            Source = "hubspot",
            ClientEventId = e.ClientEventId,
            Metadata = e.Detail is null ? null : System.Text.Json.JsonSerializer.Serialize(new { detail = e.Detail }),
            CreatedAt = now,
        }));
        await database.SaveChangesAsync(cancellationToken);
        if (fresh.Count > 0)
        {
            scoring.Enqueue(workspaceId, [.. fresh.Select(e => e.ContactId).Distinct()], []);
        }
    }

    private async Task<Dictionary<string, Guid>> ContactsByEmailAsync(IEnumerable<string> emails, CancellationToken cancellationToken)
    {
        var wanted = emails.Select(e => e.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var rows = await database.Contacts.Where(c => c.Email != null && wanted.Contains(c.Email) && c.ArchivedAt == null)
            .Select(c => new { c.Email, c.Id }).ToListAsync(cancellationToken);
        return rows.DistinctBy(r => r.Email).ToDictionary(r => r.Email!, r => r.Id, StringComparer.Ordinal);
    }

    private async Task SaveAsync(SyncState state, CancellationToken cancellationToken)
    {
        state.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await database.SaveChangesAsync(cancellationToken);
    }

    private static DateTime MeetingTime(CrmRecord meeting) =>
        long.TryParse(meeting.Get("hs_timestamp"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epochMs) ? DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime
        : DateTimeOffset.TryParse(meeting.Get("hs_timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.UtcDateTime
        : meeting.CreatedAt?.UtcDateTime ?? meeting.UpdatedAt?.UtcDateTime ?? DateTime.UnixEpoch;

    private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;

    private static DateTime? Later(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
