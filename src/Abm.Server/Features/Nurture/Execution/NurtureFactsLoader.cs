using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines;
using Abm.Engines.Journey;
using Abm.Engines.Nurture;
using Abm.Engines.Personas;
using Abm.Server.Features.Sync;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Nurture.Execution;

/// <summary>
/// The facts the stepper needs for a batch of enrolments, in a fixed number of queries whatever the batch size:
/// contacts, goals reached since each enrolled (meetings and demo requests from engagement events, deals on the
/// contact or its account, an opt-out), and each enrolment's last email with what the contact did with it.
/// </summary>
internal sealed class NurtureFactsLoader(AbmDbContext database, SequenceDefinitions definitions)
{
    private static readonly string[] GoalEvents = ["meeting_booked", "demo_request"];
    private static readonly string[] EmailEvents = ["email_open", "email_click"];

    public async Task<Dictionary<Guid, EnrollmentContext>> LoadAsync(IReadOnlyList<NurtureEnrollment> enrollments, CancellationToken cancellationToken)
    {
        var contactIds = enrollments.Select(e => e.ContactId).Distinct().ToList();
        var contacts = await database.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var companyIds = contacts.Values.Select(c => c.CompanyId).OfType<Guid>().Distinct().ToList();
        var companies = await database.Companies.AsNoTracking().Where(c => companyIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Properties }).ToDictionaryAsync(c => c.Id, c => c.Properties, cancellationToken);
        var since = enrollments.Min(e => e.EnrolledAt);
        var events = (await database.EngagementEvents.AsNoTracking()
            .Where(e => contactIds.Contains(e.ContactId) && e.OccurredAt >= since && (GoalEvents.Contains(e.EventType) || EmailEvents.Contains(e.EventType) || e.ContentId != null))
            .Select(e => new { e.ContactId, e.EventType, e.OccurredAt, e.ContentId }).ToListAsync(cancellationToken)).ToLookup(e => e.ContactId);
        var contactDeals = (await database.DealContacts.AsNoTracking().Where(d => contactIds.Contains(d.ContactId))
            .Join(database.Deals, d => d.DealId, deal => deal.Id, (d, deal) => new { d.ContactId, deal.CreatedAt }).ToListAsync(cancellationToken)).ToLookup(d => d.ContactId, d => d.CreatedAt);
        var accountDeals = (await database.Deals.AsNoTracking().Where(d => d.CompanyId != null && companyIds.Contains(d.CompanyId.Value))
            .Select(d => new { d.CompanyId, d.CreatedAt }).ToListAsync(cancellationToken)).ToLookup(d => d.CompanyId!.Value, d => d.CreatedAt);
        var enrollmentIds = enrollments.Select(e => e.Id).ToList();
        var sends = (await database.NurtureActions.AsNoTracking()
            .Where(a => enrollmentIds.Contains(a.EnrollmentId) && a.Kind == ActionKinds.SendContent && (a.Status == ActionStatus.Done || a.Status == ActionStatus.Skipped))
            .Select(a => new { a.EnrollmentId, a.Status, a.Reason, a.CompletedAt, a.ContentId }).ToListAsync(cancellationToken)).ToLookup(a => a.EnrollmentId);

        var contexts = new Dictionary<Guid, EnrollmentContext>();
        foreach (var enrollment in enrollments)
        {
            if (!contacts.TryGetValue(enrollment.ContactId, out var contact)
                || await definitions.GetAsync(database, enrollment.SequenceId, enrollment.SequenceVersion, cancellationToken) is not { } definition)
            {
                continue;
            }

            var enrolledAt = enrollment.EnrolledAt;
            var own = events[contact.Id].Where(e => e.OccurredAt >= enrolledAt).ToList();
            var goals = new HashSet<SequenceGoal>();
            AddIf(goals, SequenceGoal.MeetingBooked, own.Any(e => e.EventType == "meeting_booked"));
            AddIf(goals, SequenceGoal.DemoRequest, own.Any(e => e.EventType == "demo_request"));
            AddIf(goals, SequenceGoal.DealCreated, contactDeals[contact.Id].Any(at => at >= enrolledAt)
                || (contact.CompanyId is { } company && accountDeals[company].Any(at => at >= enrolledAt)));
            AddIf(goals, SequenceGoal.Reply, ContactReplies.LastRepliedAt(contact.Properties) >= enrolledAt);
            AddIf(goals, SequenceGoal.Unsubscribe, EmailConsent.OptedOut(contact.Properties)
                || sends[enrollment.Id].Any(s => s.Status == ActionStatus.Skipped && s.Reason?.StartsWith(ConsentReasons.Unsubscribed, StringComparison.Ordinal) == true));

            var last = sends[enrollment.Id].Where(s => s.Status == ActionStatus.Done && s.CompletedAt is not null).MaxBy(s => s.CompletedAt);
            LastSend? lastSend = null;
            if (last is not null)
            {
                var sentAt = last.CompletedAt!.Value;
                var after = events[contact.Id].Where(e => e.OccurredAt >= sentAt).ToList();
                lastSend = new LastSend(Utc(sentAt), First(after.Where(e => e.EventType == "email_open").Select(e => e.OccurredAt)),
                    First(after.Where(e => e.EventType == "email_click").Select(e => e.OccurredAt)),
                    First(after.Where(e => last.ContentId is not null && e.ContentId == last.ContentId).Select(e => e.OccurredAt)));
            }

            var facts = new NurtureFacts(
                contact.EngagementScore,
                WireNames.TryParseJourneyStage(contact.JourneyStageOverride ?? contact.JourneyStage, out var stage) ? stage : JourneyStage.ProblemAwareness,
                WireNames.TryParsePersona(contact.PersonaType, out var persona) ? persona : Persona.Unknown,
                contact.Segments.ToHashSet(StringComparer.Ordinal), goals, lastSend, ContactTimeZone.FromProperties(contact.Properties));
            var accountOwner = contact.CompanyId is { } companyId && companies.TryGetValue(companyId, out var properties) ? OwnerIn(properties) : null;
            contexts[enrollment.Id] = new EnrollmentContext(enrollment, definition, contact, accountOwner, facts);
        }

        return contexts;
    }

    private static void AddIf(HashSet<SequenceGoal> goals, SequenceGoal goal, bool reached)
    {
        if (reached)
        {
            goals.Add(goal);
        }
    }

    private static DateTimeOffset? First(IEnumerable<DateTime> times) => times.Select(t => (DateTime?)t).Min() is { } at ? Utc(at) : null;

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private static string? OwnerIn(string propertiesJson) => StoredProperties.Get(propertiesJson, "hubspot_owner_id") is { Length: > 0 } id ? id : null;
}

/// <summary>How consent skips are worded in the action log; the unsubscribe goal recognises its prefix.</summary>
internal static class ConsentReasons
{
    public const string Unsubscribed = "unsubscribed";

    /// <summary>HubSpot's live subscription status says no (newer than the last sync, or a subscription type's opt-out).</summary>
    public const string HubSpotSubscriptionOptOut = $"{Unsubscribed}: HubSpot reports the contact opted out of email";
}
