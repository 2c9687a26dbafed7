using System.Globalization;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Email;
using Abm.HubSpot.Sandbox.Market.Sink;

namespace Abm.HubSpot.Sandbox.Market.Behaviour;

/// <summary>
/// Carries out a buyer's action where HubSpot or ABM Engine would see it: email events in the portal's email
/// events, visits, downloads and forms in the site event log (visits and downloads on to ABM Engine when a sink is
/// set), forms as submissions HubSpot's forms API serves, meetings, lifecycle changes, replies and worked tasks as
/// CRM writes with their webhooks.
/// </summary>
internal sealed class BuyerActions(RecordWriter writer, EventSinkRegistry sinks)
{
    public void Apply(WriteContext context, BehaviourState behaviour, Happening happening)
    {
        var contact = context.Store(CrmObjectTypes.Contacts).FindActive(happening.ContactId);
        if (contact?.Get("email") is not { Length: > 0 } email)
        {
            return;
        }

        switch (happening.Kind)
        {
            case HappeningKind.MarketingEmail:
                AddEmailEvent(context, behaviour, "SENT", email, happening);
                AddEmailEvent(context, behaviour, "DELIVERED", email, happening);
                break;
            case HappeningKind.EmailOpen:
            case HappeningKind.EmailClick:
                // Marketing email respects an unsubscribe; a transactional one reaches the buyer, who ignores it.
                if (!behaviour.Unsubscribed.Contains(happening.ContactId))
                {
                    AddEmailEvent(context, behaviour, happening.Kind == HappeningKind.EmailOpen ? "OPEN" : "CLICK", email, happening);
                }

                break;
            case HappeningKind.Visit:
                AddSiteEvent(context, behaviour, SiteEvent.WebsiteVisit, email, happening);
                break;
            case HappeningKind.Download:
                AddSiteEvent(context, behaviour, SiteEvent.ContentDownload, email, happening);
                break;
            case HappeningKind.FormSubmission:
                var submitted = AddSiteEvent(context, behaviour, SiteEvent.FormSubmission, email, happening);
                FormFilling.Submit(context, contact, email, submitted, happening.Item);
                Lifecycle.MoveForward(writer, context, contact, "marketingqualifiedlead");
                break;
            case HappeningKind.Meeting:
                new MeetingBooking(writer).Book(context, behaviour, contact, happening.Cause);
                behaviour.Count(context.Now, "meeting");
                break;
            case HappeningKind.Unsubscribe:
                if (behaviour.Unsubscribed.Add(happening.ContactId))
                {
                    AddEmailEvent(context, behaviour, "STATUSCHANGE", email, happening);
                    // HubSpot marks a contact who unsubscribed from all email with this property.
                    writer.Update(context, contact, new Dictionary<string, string?> { ["hs_email_optout"] = "true" });
                }

                break;
            case HappeningKind.TaskFollowUp:
                TaskFollowUps.FollowUp(writer, context, behaviour, happening);
                break;
            case HappeningKind.Reply:
                // HubSpot stamps a reply it logs from the contact on this property (and its modification time).
                writer.Update(context, contact, new Dictionary<string, string?> { ["hs_sales_email_last_replied"] = Http.HubSpotTime.Format(context.Now) });
                behaviour.Count(context.Now, "email_reply");
                break;
        }
    }

    private static void AddEmailEvent(WriteContext context, BehaviourState behaviour, string type, string email, Happening happening)
    {
        var id = (5_000_000_000 + behaviour.NextEventNumber++).ToString(CultureInfo.InvariantCulture);
        var at = type == "DELIVERED" ? context.Now.AddSeconds(20) : context.Now;
        context.State.EmailEvents.Add(new EmailEvent(id, at, type, email, happening.SourceId, type == "CLICK" ? happening.Url : null));
        behaviour.Count(context.Now, $"email_{type.ToLowerInvariant()}");
    }

    private SiteEvent AddSiteEvent(WriteContext context, BehaviourState behaviour, string type, string email, Happening happening)
    {
        var state = context.State;
        var clientEventId = string.Create(CultureInfo.InvariantCulture, $"sbx-{context.Portal.PortalId}-{state.SeededAt.ToUnixTimeSeconds()}-{behaviour.NextEventNumber++}");
        var siteEvent = new SiteEvent(
            clientEventId, type, context.Now, happening.ContactId, email, happening.Item?.ExternalId, happening.Url,
            type == SiteEvent.WebsiteVisit ? happening.DurationSeconds : null, happening.Cause.ToString().ToLowerInvariant(), happening.TrackingToken);
        behaviour.SiteEvents.Add(siteEvent);
        behaviour.Count(context.Now, type);
        // Form submissions reach ABM Engine through HubSpot's forms API, which its sync reads; delivering them to the
        // sink as well would count each one twice.
        if (type != SiteEvent.FormSubmission)
        {
            sinks.Enqueue(context.Portal.PortalId, siteEvent);
        }

        return siteEvent;
    }
}
