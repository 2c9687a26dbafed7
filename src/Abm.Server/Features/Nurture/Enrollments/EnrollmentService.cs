using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines.Nurture;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Nurture.Enrollments;

/// <summary>
/// Enrols contacts in an active sequence, on its current version, one outcome per contact: a contact already
/// enrolled, refused by the re-enrolment policy or unable to receive the sequence's email is reported, never a
/// failure of the batch. The database's unique index on active enrolments settles two enrolments racing.
/// </summary>
internal sealed class EnrollmentService(AbmDbContext database, SequenceDefinitions definitions, TimeProvider clock)
{
    private const int Chunk = 500;

    public async Task<EnrollResponse> EnrollAsync(NurtureSequence sequence, IReadOnlyList<Guid> contactIds, string enrolledBy, CancellationToken cancellationToken)
    {
        var definition = await definitions.GetAsync(database, sequence.Id, sequence.Version, cancellationToken)
            ?? throw new InvalidOperationException($"Sequence {sequence.Id} version {sequence.Version} does not read.");
        var emails = definition.Steps.OfType<SendContentStep>().Any();
        var outcomes = new List<ContactOutcome>(contactIds.Count);
        foreach (var chunk in contactIds.Distinct().Chunk(Chunk))
        {
            outcomes.AddRange(await EnrollChunkAsync(sequence, definition, emails, chunk, enrolledBy, cancellationToken));
        }

        var enrolled = outcomes.Count(o => o.Outcome == EnrollmentOutcomes.Enrolled);
        return new EnrollResponse(sequence.Id, sequence.Version, enrolled, outcomes.Count - enrolled, outcomes);
    }

    private async Task<List<ContactOutcome>> EnrollChunkAsync(
        NurtureSequence sequence, SequenceDefinition definition, bool emails, Guid[] ids, string enrolledBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var contacts = await database.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id) && c.ArchivedAt == null)
            .Select(c => new { c.Id, c.Email, c.Properties }).ToDictionaryAsync(c => c.Id, cancellationToken);
        var previous = (await database.NurtureEnrollments.AsNoTracking().Where(e => e.SequenceId == sequence.Id && ids.Contains(e.ContactId))
            .Select(e => new { e.ContactId, e.Status, e.CompletedAt }).ToListAsync(cancellationToken)).ToLookup(e => e.ContactId);
        var outcomes = new List<ContactOutcome>(ids.Length);
        var added = new List<NurtureEnrollment>();
        foreach (var id in ids)
        {
            if (!contacts.TryGetValue(id, out var contact))
            {
                outcomes.Add(new ContactOutcome(id, EnrollmentOutcomes.NotFound, null, "No such contact in this workspace."));
            }
            else if (previous[id].Any(e => e.Status == EnrollmentStatus.Active))
            {
                outcomes.Add(new ContactOutcome(id, EnrollmentOutcomes.AlreadyEnrolled, null, "The contact is already in this sequence."));
            }
            else if (Refusal(definition.Reenrollment, previous[id].Select(e => e.CompletedAt), now) is { } refusal)
            {
                outcomes.Add(new ContactOutcome(id, EnrollmentOutcomes.NotReenrollable, null, refusal));
            }
            else if (emails && EmailConsent.Refusal(contact.Email, contact.Properties) is { } noEmail)
            {
                outcomes.Add(new ContactOutcome(id, EnrollmentOutcomes.CannotReceiveEmail, null, noEmail));
            }
            else
            {
                var enrollment = New(sequence, definition, id, enrolledBy, now);
                added.Add(enrollment);
                outcomes.Add(new ContactOutcome(id, EnrollmentOutcomes.Enrolled, enrollment.Id, null));
            }
        }

        await SaveAsync(added, outcomes, cancellationToken);
        return outcomes;
    }

    /// <summary>Saves the chunk at once; if a concurrent enrolment won a race, saves row by row and reports the losers.</summary>
    private async Task SaveAsync(List<NurtureEnrollment> added, List<ContactOutcome> outcomes, CancellationToken cancellationToken)
    {
        if (added.Count == 0)
        {
            return;
        }

        database.NurtureEnrollments.AddRange(added);
        try
        {
            await database.SaveChangesAsync(cancellationToken);
            return;
        }
        catch (DbUpdateException)
        {
            database.ChangeTracker.Clear();
        }

        foreach (var enrollment in added)
        {
            database.NurtureEnrollments.Add(enrollment);
            try
            {
                await database.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                database.ChangeTracker.Clear();
                var index = outcomes.FindIndex(o => o.EnrollmentId == enrollment.Id);
                outcomes[index] = new ContactOutcome(enrollment.ContactId, EnrollmentOutcomes.AlreadyEnrolled, null, "The contact was enrolled in this sequence meanwhile.");
            }
        }
    }

    private static NurtureEnrollment New(NurtureSequence sequence, SequenceDefinition definition, Guid contactId, string enrolledBy, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), WorkspaceId = sequence.WorkspaceId, ContactId = contactId, SequenceId = sequence.Id, SequenceVersion = sequence.Version,
        Status = EnrollmentStatus.Active, EnrolledAt = now, EnrolledBy = enrolledBy, CurrentStepId = definition.FirstStep.Id, StepReachedAt = now, NextActionDue = now,
    };

    /// <summary>Why the policy refuses a contact whose earlier enrolments ended at <paramref name="endings"/>; null when it allows.</summary>
    internal static string? Refusal(Reenrollment policy, IEnumerable<DateTime?> endings, DateTime now)
    {
        var ended = endings.ToList();
        if (ended.Count == 0)
        {
            return null;
        }

        return policy.Policy switch
        {
            ReenrollmentPolicy.Never => "The sequence enrols a contact only once, and this contact was enrolled before.",
            ReenrollmentPolicy.AfterDays when ended.Max() is { } last && last.AddDays(policy.Days ?? 0) > now =>
                $"The sequence re-enrols a contact only {policy.Days} days after its last enrolment ended ({last:yyyy-MM-dd HH:mm} UTC).",
            _ => null,
        };
    }
}
