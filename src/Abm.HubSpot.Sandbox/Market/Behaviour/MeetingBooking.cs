using System.Globalization;
using Abm.HubSpot.Sandbox.Associations;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>
/// A buyer books a meeting with sales: a CRM meeting associated to the contact and its company, owned by the
/// contact's owner and scheduled a few working days ahead; the contact becomes a sales-qualified lead.
/// </summary>
internal sealed class MeetingBooking(RecordWriter writer)
{
    private static readonly Dictionary<HappeningCause, string> Titles = new()
    {
        [HappeningCause.Organic] = "Introductory call",
        [HappeningCause.Send] = "Follow-up call",
        [HappeningCause.Task] = "Discovery call",
    };

    public void Book(WriteContext context, BehaviourState behaviour, CrmRecord contact, HappeningCause cause)
    {
        var company = contact.Get("associatedcompanyid");
        var start = MeetingStart(context.Now, contact.Id);
        var values = new Dictionary<string, string?>
        {
            ["hs_timestamp"] = HubSpotTime.Format(start),
            ["hs_meeting_start_time"] = HubSpotTime.Format(start),
            ["hs_meeting_end_time"] = HubSpotTime.Format(start.AddMinutes(30)),
            ["hs_meeting_title"] = $"{Titles[cause]} with {contact.Get("firstname")} {contact.Get("lastname")}".Trim(),
            ["hs_meeting_outcome"] = "SCHEDULED",
            ["hubspot_owner_id"] = contact.Get("hubspot_owner_id"),
        };
        var (meeting, _) = writer.Create(context, CrmObjectTypes.Meetings, values, []);
        if (meeting is null)
        {
            return;
        }

        writer.Associate(context, CrmObjectTypes.Meetings, meeting.Id, CrmObjectTypes.Contacts, contact.Id, AssociationKinds.FindById(200)!);
        if (long.TryParse(company, NumberStyles.Integer, CultureInfo.InvariantCulture, out var companyId))
        {
            writer.Associate(context, CrmObjectTypes.Meetings, meeting.Id, CrmObjectTypes.Companies, companyId, AssociationKinds.FindById(188)!);
            if (!behaviour.AccountMeetings.TryGetValue(companyId, out var meetings))
            {
                meetings = [];
                behaviour.AccountMeetings[companyId] = meetings;
            }

            meetings.Add(context.Now);
        }

        Lifecycle.MoveForward(writer, context, contact, "salesqualifiedlead");
    }

    // One to five days ahead, on the hour between 09:00 and 16:00 UTC.
    private static DateTimeOffset MeetingStart(DateTimeOffset bookedAt, long contactId)
    {
        var spread = (int)((ulong)(bookedAt.UtcTicks ^ contactId) % 35);
        var day = new DateTimeOffset(bookedAt.UtcDateTime.Date, TimeSpan.Zero).AddDays(1 + (spread / 7));
        return day.AddHours(9 + (spread % 7));
    }
}
