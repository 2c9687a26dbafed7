using System.Globalization;
using Abm.Data;
using Abm.Data.Entities;
using Abm.HubSpot;
using Abm.HubSpot.Crm;
using Abm.HubSpot.Email;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Sync;

/// <summary>
/// Brings what contacts did in HubSpot into the engagement history: marketing email opens and clicks (email
/// events API), meetings (CRM meetings with their contacts) and form submissions (<see cref="FormSubmissionPull"/>).
/// Each HubSpot event becomes one engagement event with a stable client id, so reading it twice stores it once; a
/// watermark per source keeps the next read short. Events of contacts not (yet) synced are skipped.
/// </summary>
internal sealed class EngagementPull(AbmDbContext database, SyncStates syncStates, PulledEngagementWriter events, FormSubmissionPull formSubmissions)
{
    private const string EmailEvents = "email_events";

    private static readonly Dictionary<string, string> EmailEventTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["OPEN"] = "email_open",
        ["CLICK"] = "email_click",
    };

    public async Task PullAsync(HubSpotClient client, CancellationToken cancellationToken)
    {
        var states = await syncStates.LoadAsync([EmailEvents, SyncedObjects.Meetings, FormSubmissionPull.StateName], cancellationToken);
        await PullEmailEventsAsync(client, states[EmailEvents], cancellationToken);
        await PullMeetingsAsync(client, states[SyncedObjects.Meetings], cancellationToken);
        await formSubmissions.PullAsync(client, states[FormSubmissionPull.StateName], cancellationToken);
    }

    private async Task PullEmailEventsAsync(HubSpotClient client, SyncState state, CancellationToken cancellationToken)
    {
        var query = new EmailEventQuery { Since = PulledEngagementWriter.Utc(state.IncrementalWatermark) };
        string? offset = null;
        do
        {
            var page = await client.Email.ListEventPageAsync(query, offset, cancellationToken);
            var wanted = page.Events.Where(e => e.Type is not null && EmailEventTypes.ContainsKey(e.Type) && e.Recipient is not null && e.Created is not null).ToList();
            var contacts = await events.ContactsByEmailAsync(wanted.Select(e => e.Recipient!), cancellationToken);
            await events.AddAsync(
                wanted.Where(e => contacts.ContainsKey(e.Recipient!.ToLowerInvariant())).Select(e => new PulledEvent(
                    $"hubspot-email-{e.Id}", contacts[e.Recipient!.ToLowerInvariant()], EmailEventTypes[e.Type!], e.Created!.Value.UtcDateTime, e.Url)),
                cancellationToken);
            state.IncrementalWatermark = PulledEngagementWriter.Later(state.IncrementalWatermark, page.Events.Max(e => e.Created)?.UtcDateTime);
            await events.SaveAsync(state, cancellationToken);
            offset = page.Offset;
        }
        while (offset is not null);
    }

    private async Task PullMeetingsAsync(HubSpotClient client, SyncState state, CancellationToken cancellationToken)
    {
        var since = PulledEngagementWriter.Utc(state.IncrementalWatermark) ?? DateTimeOffset.UnixEpoch;
        await foreach (var page in client.Search.SearchModifiedSinceAsync(SyncedObjects.Meetings, since, ["hs_timestamp", "hs_meeting_title", "hs_meeting_outcome"], cancellationToken))
        {
            var meetings = await AssociationLoader.AttachAsync(client, SyncedObjects.Meetings, page, cancellationToken);
            var contactIds = meetings.SelectMany(m => HubSpotRecordMapping.AssociatedIds(m, SyncedObjects.Contacts)).Distinct(StringComparer.Ordinal).ToList();
            var contacts = await database.Contacts.Where(c => contactIds.Contains(c.HubSpotId)).ToDictionaryAsync(c => c.HubSpotId, c => c.Id, StringComparer.Ordinal, cancellationToken);
            await events.AddAsync(
                from meeting in meetings
                from contactHubSpotId in HubSpotRecordMapping.AssociatedIds(meeting, SyncedObjects.Contacts)
                where contacts.ContainsKey(contactHubSpotId)
                select new PulledEvent($"hubspot-meeting-{meeting.Id}-{contactHubSpotId}", contacts[contactHubSpotId], "meeting_booked", MeetingTime(meeting), meeting.Get("hs_meeting_title")),
                cancellationToken);
            state.IncrementalWatermark = PulledEngagementWriter.Later(state.IncrementalWatermark, meetings.Max(m => m.UpdatedAt)?.UtcDateTime);
            await events.SaveAsync(state, cancellationToken);
        }
    }

    private static DateTime MeetingTime(CrmRecord meeting) =>
        long.TryParse(meeting.Get("hs_timestamp"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epochMs) ? DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime
        : DateTimeOffset.TryParse(meeting.Get("hs_timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.UtcDateTime
        : meeting.CreatedAt?.UtcDateTime ?? meeting.UpdatedAt?.UtcDateTime ?? DateTime.UnixEpoch;
}
