using System.Globalization;
using Abm.Data;
using Abm.HubSpot;
using Abm.HubSpot.Crm;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Sync;

/// <summary>
/// CRM meetings (search on their modification time, under the portal's search limit) as one <c>meeting_booked</c>
/// event per associated synced contact, dated when the meeting was booked (its creation in HubSpot), not when it
/// takes place: the booking is the buyer's signal, and a meeting set for next week must count from today.
/// The watermark (<c>sync_state</c> row <c>meetings</c>) is saved with each page.
/// </summary>
internal sealed class MeetingPull(AbmDbContext database, SyncStates syncStates, PulledEngagementWriter events)
{
    public async Task PullAsync(HubSpotClient client, CancellationToken cancellationToken)
    {
        var state = (await syncStates.LoadAsync([SyncedObjects.Meetings], cancellationToken))[SyncedObjects.Meetings];
        var since = PulledEngagementWriter.Utc(state.IncrementalWatermark) ?? DateTimeOffset.UnixEpoch;
        await foreach (var page in client.Search.SearchModifiedSinceAsync(SyncedObjects.Meetings, since, ["hs_timestamp", "hs_meeting_title", "hs_meeting_outcome"], cancellationToken))
        {
            var meetings = await AssociationLoader.AttachAsync(client, SyncedObjects.Meetings, page, cancellationToken);
            var contactIds = meetings.SelectMany(m => HubSpotRecordMapping.AssociatedIds(m, SyncedObjects.Contacts)).Distinct(StringComparer.Ordinal).ToList();
            var contacts = await database.Contacts.Where(c => contactIds.Contains(c.HubSpotId)).ToDictionaryAsync(c => c.HubSpotId, c => c.Id, StringComparer.Ordinal, cancellationToken);
            state.IncrementalWatermark = PulledEngagementWriter.Later(state.IncrementalWatermark, meetings.Max(m => m.UpdatedAt)?.UtcDateTime);
            await events.AddAsync(
                from meeting in meetings
                from contactHubSpotId in HubSpotRecordMapping.AssociatedIds(meeting, SyncedObjects.Contacts)
                where contacts.ContainsKey(contactHubSpotId)
                select new PulledEvent($"hubspot-meeting-{meeting.Id}-{contactHubSpotId}", contacts[contactHubSpotId], "meeting_booked", BookedAt(meeting), meeting.Get("hs_meeting_title")),
                state, cancellationToken);
        }
    }

    /// <summary>When the meeting was booked: its creation time; <c>hs_timestamp</c> (its start) only when HubSpot gave none.</summary>
    internal static DateTime BookedAt(CrmRecord meeting) =>
        meeting.CreatedAt is { } created ? created.UtcDateTime
        : long.TryParse(meeting.Get("hs_timestamp"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epochMs) ? DateTimeOffset.FromUnixTimeMilliseconds(epochMs).UtcDateTime
        : DateTimeOffset.TryParse(meeting.Get("hs_timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.UtcDateTime
        : meeting.UpdatedAt?.UtcDateTime ?? DateTime.UnixEpoch;
}
