using Abm.Data;
using Abm.Server.Features.Nurture.Enrollments;
using Abm.Server.Features.Nurture.Execution;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Nurture;

internal sealed record StepStats(
    string StepId, int ActiveHere, int Done, int Skipped, int Parked, int Retrying, int Sends, int Opened, int Clicked, int TasksCreated, int TasksCompleted, int MeetingsWithin30Days);

internal sealed record SequenceStatsResponse(
    Guid SequenceId, int Enrolled, int Active, int Completed, int GoalReached, int Exited, int Sends, int Opened, int Clicked, int TasksCreated,
    int TasksCompleted, int ContactsSentContent, int ContactsWithMeetingWithin30Days, double ContentToMeetingConversion, IReadOnlyList<StepStats> Steps);

/// <summary>
/// A sequence's outcomes, over all its versions: enrolments by state, and per step what its actions did. A send
/// counts as opened (clicked, followed by a meeting) when the contact has an <c>email_open</c> (<c>email_click</c>,
/// <c>meeting_booked</c>) event within 30 days after it; a task counts as completed once a sync read it back
/// completed from HubSpot (<see cref="TaskCompletionPull"/>). Content-to-meeting conversion is defined in scoring.md.
/// </summary>
internal static class SequenceStats
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(30);
    private static readonly string[] Outcomes = ["email_open", "email_click", "meeting_booked"];

    public static async Task<Results<Ok<SequenceStatsResponse>, ProblemHttpResult>> GetAsync(Guid id, AbmDbContext database, CancellationToken cancellationToken)
    {
        if (await SequenceHandlers.FindAsync(database, id, cancellationToken) is null)
        {
            return SequenceHandlers.NotFound(id);
        }

        var enrollments = await database.NurtureEnrollments.AsNoTracking().Where(e => e.SequenceId == id)
            .GroupBy(e => new { e.Status, e.CurrentStepId }).Select(g => new { g.Key.Status, g.Key.CurrentStepId, Count = g.Count() }).ToListAsync(cancellationToken);
        var actions = await database.NurtureActions.AsNoTracking().Where(a => a.SequenceId == id)
            .Select(a => new { a.StepId, a.Kind, a.Status, a.ContactId, a.CompletedAt, a.TaskCompletedAt }).ToListAsync(cancellationToken);
        var sends = actions.Where(a => a.Kind == ActionKinds.SendContent && a.Status == ActionStatus.Done && a.CompletedAt is not null).ToList();
        var contacts = sends.Select(s => s.ContactId).Distinct().ToList();
        var since = sends.Count == 0 ? DateTime.MaxValue : sends.Min(s => s.CompletedAt!.Value);
        var events = (await database.EngagementEvents.AsNoTracking()
            .Where(e => contacts.Contains(e.ContactId) && e.OccurredAt >= since && Outcomes.Contains(e.EventType))
            .Select(e => new { e.ContactId, e.EventType, e.OccurredAt }).ToListAsync(cancellationToken)).ToLookup(e => (e.ContactId, e.EventType), e => e.OccurredAt);
        bool Followed(Guid contact, DateTime sentAt, string type) => events[(contact, type)].Any(at => at >= sentAt && at <= sentAt + Window);

        var sendOutcomes = sends.Select(s => new
        {
            s.StepId, s.ContactId,
            Opened = Followed(s.ContactId, s.CompletedAt!.Value, "email_open"),
            Clicked = Followed(s.ContactId, s.CompletedAt!.Value, "email_click"),
            Meeting = Followed(s.ContactId, s.CompletedAt!.Value, "meeting_booked"),
        }).ToList();
        var stepIds = actions.Select(a => a.StepId).Concat(enrollments.Where(e => e.Status == EnrollmentStatus.Active).Select(e => e.CurrentStepId).OfType<string>()).Distinct().Order(StringComparer.Ordinal);
        var steps = stepIds.Select(step =>
        {
            var own = actions.Where(a => a.StepId == step).ToList();
            var ownSends = sendOutcomes.Where(s => s.StepId == step).ToList();
            return new StepStats(step,
                enrollments.Where(e => e.Status == EnrollmentStatus.Active && e.CurrentStepId == step).Sum(e => e.Count),
                own.Count(a => a.Status == ActionStatus.Done), own.Count(a => a.Status == ActionStatus.Skipped), own.Count(a => a.Status == ActionStatus.Parked),
                own.Count(a => a.Status is ActionStatus.Pending or ActionStatus.Failed), ownSends.Count, ownSends.Count(s => s.Opened), ownSends.Count(s => s.Clicked),
                own.Count(a => a.Kind == ActionKinds.CreateTask && a.Status == ActionStatus.Done), own.Count(a => a.Kind == ActionKinds.CreateTask && a.TaskCompletedAt is not null),
                ownSends.Count(s => s.Meeting));
        }).ToList();

        int Count(string status) => enrollments.Where(e => e.Status == status).Sum(e => e.Count);
        var converted = sendOutcomes.Where(s => s.Meeting).Select(s => s.ContactId).Distinct().Count();
        return TypedResults.Ok(new SequenceStatsResponse(
            id, enrollments.Sum(e => e.Count), Count(EnrollmentStatus.Active), Count(EnrollmentStatus.Completed), Count(EnrollmentStatus.GoalReached), Count(EnrollmentStatus.Exited),
            sendOutcomes.Count, sendOutcomes.Count(s => s.Opened), sendOutcomes.Count(s => s.Clicked), steps.Sum(s => s.TasksCreated),
            steps.Sum(s => s.TasksCompleted), contacts.Count, converted, contacts.Count == 0 ? 0 : Math.Round((double)converted / contacts.Count, 4), steps));
    }
}
