using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines;
using Abm.Engines.Nurture;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Nurture.Enrollments;

/// <summary>
/// Enrols contacts automatically when an active sequence's trigger fires. The places that already see contacts
/// change call it: the engagement recompute (score and stage before and after, segments), event intake and the
/// HubSpot engagement pull (new events), and lead scoring through <see cref="OnLeadPriorityAsync"/>. A workspace
/// with no active triggered sequence costs one query per call. Enrolment failures are logged, never thrown: the
/// work that called keeps its result.
/// </summary>
internal sealed partial class NurtureTriggers(AbmDbContext database, SequenceDefinitions definitions, EnrollmentService enrollments, ILogger<NurtureTriggers> logger)
{
    /// <summary>Enrols each changed contact in every active sequence one of whose triggers its change fires; returns how many were enrolled.</summary>
    public async Task<int> OnChangesAsync(IReadOnlyDictionary<Guid, ContactChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return 0;
        }

        try
        {
            var enrolled = 0;
            var sequences = await database.NurtureSequences.AsNoTracking().Where(s => s.Status == "active").ToListAsync(cancellationToken);
            foreach (var sequence in sequences)
            {
                if (await definitions.GetAsync(database, sequence.Id, sequence.Version, cancellationToken) is not { } definition
                    || definition.Triggers.All(t => t is ManualTrigger or ListJoinedTrigger))
                {
                    continue;
                }

                var fired = changes.Select(c => (ContactId: c.Key, Trigger: TriggerMatch.FirstFired(definition.Triggers, c.Value))).Where(f => f.Trigger is not null);
                foreach (var byTrigger in fired.GroupBy(f => TriggerMatch.NameOf(f.Trigger!)))
                {
                    var result = await enrollments.EnrollAsync(sequence, byTrigger.Select(f => f.ContactId).ToList(), $"trigger:{byTrigger.Key}", cancellationToken);
                    enrolled += result.Enrolled;
                }
            }

            return enrolled;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested)
        {
            database.ChangeTracker.Clear();
            LogFailed(changes.Count, error);
            return 0;
        }
    }

    /// <summary>New engagement events: each contact's event types, for event triggers.</summary>
    public Task<int> OnEventsAsync(IEnumerable<EngagementEvent> events, CancellationToken cancellationToken) =>
        OnChangesAsync(events.GroupBy(e => e.ContactId).ToDictionary(g => g.Key, g => new ContactChange(NewEvents:
            g.Select(e => WireNames.TryParseEventType(e.EventType, out var type) ? type : (Engines.Engagement.EngagementEventType?)null).OfType<Engines.Engagement.EngagementEventType>().ToHashSet())), cancellationToken);

    /// <summary>
    /// The hook for lead scoring: call it when a contact's lead priority is set (high, medium, low), in the
    /// contact's workspace scope; sequences with a matching <c>lead_priority</c> trigger enrol the contact.
    /// </summary>
    public Task<int> OnLeadPriorityAsync(Guid contactId, LeadPriority priority, CancellationToken cancellationToken) =>
        OnChangesAsync(new Dictionary<Guid, ContactChange> { [contactId] = new(LeadPrioritySet: priority) }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Enrolling {Count} changed contacts by nurture triggers failed; those changes enrol no one")]
    private partial void LogFailed(int count, Exception error);
}
