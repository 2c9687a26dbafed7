using Abm.Data;
using Abm.Data.Entities;
using Abm.Engines.Nurture;
using Abm.Server.Features.Engagement;
using Abm.Server.Features.Nurture.Enrollments;
using Abm.Server.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Abm.Server.Features.Nurture.Execution;

/// <summary>
/// Phase one of a batch: decides each claimed enrolment's next move with the stepper and writes the result
/// before anything is sent. Waits, goals and ends are saved as they are; a step that acts gets its action-log row
/// (or finds the row an earlier pass left, which it then retries rather than deciding again); a step that needs no
/// HubSpot call (a property update through the outbox, a send the guardrails skip) is settled here at once.
/// Quiet hours and weekends defer a send to the contact's next sending window without a row. The writes are a
/// few multi-row statements in one transaction: the action-log rows first, then the enrolments' moves.
/// </summary>
internal sealed class ActionPlanner(
    AbmDbContext database, NurtureFactsLoader factsLoader, ContentPicker content, GuardrailStore guardrails, WriteBackQueue writeBack, ContactConsent consent, TimeProvider clock)
{
    public async Task<List<PendingAction>> PlanAsync(IReadOnlyList<NurtureEnrollment> claimed, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var utcNow = now.UtcDateTime;
        var contexts = await factsLoader.LoadAsync(claimed, cancellationToken);
        var workspaceGuardrails = await guardrails.LoadAsync(database.CurrentWorkspaceId!.Value, cancellationToken);
        TouchCounts? touches = null; // read when the batch's first send is planned: a batch of tasks needs none
        var ids = claimed.Select(e => e.Id).ToList();
        var existing = (await database.NurtureActions.AsNoTracking().Where(a => ids.Contains(a.EnrollmentId)).ToListAsync(cancellationToken))
            .ToDictionary(a => (a.EnrollmentId, a.StepId, a.AttemptScope));
        var pending = new List<PendingAction>();
        var logged = new List<NurtureAction>();
        foreach (var enrollment in claimed)
        {
            if (!contexts.TryGetValue(enrollment.Id, out var context))
            {
                EnrollmentMoves.End(enrollment, EnrollmentStatus.Exited, "the contact or the sequence version no longer exists", utcNow);
                continue;
            }

            var stepId = enrollment.CurrentStepId ?? context.Definition.FirstStep.Id;
            if (existing.TryGetValue((enrollment.Id, stepId, enrollment.StepsTaken), out var earlier) && context.Definition.StepById(stepId) is { } loggedStep)
            {
                await ResumeAsync(earlier, context, loggedStep, pending, utcNow, cancellationToken);
                continue;
            }

            var position = new EnrollmentPosition(stepId, Utc(enrollment.StepReachedAt ?? enrollment.EnrolledAt));
            switch (NurtureStepper.Next(context.Definition, position, context.Facts, now))
            {
                case WaitUntil wait:
                    EnrollmentMoves.Place(enrollment, wait.Position);
                    enrollment.NextActionDue = wait.Due.UtcDateTime;
                    break;
                case ExitForGoal goal:
                    EnrollmentMoves.End(enrollment, EnrollmentStatus.GoalReached, goal.Goal.ToWireName(), utcNow);
                    break;
                case Complete:
                    EnrollmentMoves.End(enrollment, EnrollmentStatus.Completed, "completed", utcNow);
                    break;
                case PerformStep perform:
                    EnrollmentMoves.Place(enrollment, perform.Position);
                    var settings = workspaceGuardrails.With(context.Definition.Guardrails);
                    if (perform.Step is SendContentStep)
                    {
                        touches ??= await TouchCounts.LoadAsync(database, contexts.Values.Select(c => c.Contact).ToList(), utcNow, cancellationToken);
                    }

                    await PlanStepAsync(context, perform, settings, touches, now, pending, logged, cancellationToken);
                    break;
            }
        }

        await using var transaction = await database.Database.BeginTransactionAsync(cancellationToken);
        var added = await BatchWrites.InsertActionsAsync(database, logged, cancellationToken);
        // A key already logged means another claimant has this step (a claim that lapsed): its enrolment is left to it.
        var taken = logged.Where(a => !added.Contains(a.Id)).Select(a => a.EnrollmentId).ToHashSet();
        pending.RemoveAll(p => taken.Contains(p.Action.EnrollmentId));
        await BatchWrites.UpdateEnrollmentsAsync(database, claimed.Where(e => !taken.Contains(e.Id)).ToList(), cancellationToken);
        await database.SaveChangesAsync(cancellationToken); // the write-back outbox of property updates
        await transaction.CommitAsync(cancellationToken);
        return pending;
    }

    private async Task PlanStepAsync(
        EnrollmentContext context, PerformStep perform, GuardrailSettings settings, TouchCounts? touches, DateTimeOffset now, List<PendingAction> pending, List<NurtureAction> logged,
        CancellationToken cancellationToken)
    {
        var enrollment = context.Enrollment;
        var utcNow = now.UtcDateTime;
        ContentItem? item = null;
        string? skip = null;
        if (perform.Step is SendContentStep send)
        {
            skip = await consent.EmailRefusalAsync(context.Contact, cancellationToken);
            if (skip is null && Guardrails.NextSendingWindow(settings, now, context.Facts.TimeZone) is { } window)
            {
                // Not a skip: the email goes when the contact's sending window opens, and nothing is logged before.
                enrollment.NextActionDue = window.UtcDateTime;
                return;
            }

            skip ??= Guardrails.CapRefusal(settings, touches!.OfContact(context.Contact.Id), touches.OfAccount(context.Contact.CompanyId));
            if (skip is null)
            {
                item = await content.PickAsync(send, context.Contact.Id, cancellationToken);
                skip = item is null ? "no content left to send: every matching item was sent or consumed" : null;
            }

            if (skip is null)
            {
                touches!.Count(context.Contact);
            }
        }

        var action = NewAction(context, perform.Step, item, utcNow);
        logged.Add(action);
        if (skip is not null)
        {
            Settle(action, ActionStatus.Skipped, skip, utcNow);
            EnrollmentMoves.Advance(enrollment, perform.NextStepId, utcNow);
            EnrollmentMoves.Continue(context, EnrollmentMoves.FactsAfter(context.Facts, action, utcNow), utcNow);
        }
        else if (perform.Step is UpdatePropertyStep update)
        {
            await writeBack.PreloadPendingAsync(WriteBackQueue.ContactObject, [context.Contact.HubSpotId], cancellationToken);
            writeBack.EnqueueContactProperties(context.Contact, new Dictionary<string, string> { [update.Property] = update.Value });
            Settle(action, ActionStatus.Done, "queued for write-back", utcNow);
            EnrollmentMoves.Advance(enrollment, perform.NextStepId, utcNow);
            EnrollmentMoves.Continue(context, context.Facts, utcNow);
        }
        else
        {
            pending.Add(new PendingAction(action, context, perform.Step, item, perform.NextStepId, MayHaveRun: false));
        }
    }

    /// <summary>An action an earlier pass logged: still to do (maybe already called), or settled with the enrolment not yet moved on.</summary>
    private async Task ResumeAsync(NurtureAction logged, EnrollmentContext context, SequenceStep step, List<PendingAction> pending, DateTime now, CancellationToken cancellationToken)
    {
        var next = step.Next ?? context.Definition.DefaultNext(step);
        if (logged.Status is ActionStatus.Pending or ActionStatus.Failed)
        {
            var item = logged.ContentId is { } contentId ? await database.ContentItems.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contentId, cancellationToken) : null;
            pending.Add(new PendingAction(logged, context, step, item, next, MayHaveRun: true));
            return;
        }

        EnrollmentMoves.Advance(context.Enrollment, next, now);
        EnrollmentMoves.Continue(context, context.Facts, now);
    }

    private static NurtureAction NewAction(EnrollmentContext context, SequenceStep step, ContentItem? item, DateTime now)
    {
        var id = Guid.CreateVersion7();
        var enrollment = context.Enrollment;
        return new NurtureAction
        {
            Id = id, WorkspaceId = enrollment.WorkspaceId, EnrollmentId = enrollment.Id, SequenceId = enrollment.SequenceId, SequenceVersion = enrollment.SequenceVersion,
            ContactId = enrollment.ContactId, CompanyId = context.Contact.CompanyId, StepId = step.Id, AttemptScope = enrollment.StepsTaken, Kind = ActionKinds.Of(step),
            Status = ActionStatus.Pending, ContentId = item?.Id, SendId = step is SendContentStep ? SendIdOf(id) : null, CreatedAt = now, UpdatedAt = now,
        };
    }

    /// <summary>The email's sendId comes from the action's key (its row id): a retried send carries the same one, and HubSpot ignores it.</summary>
    public static string SendIdOf(Guid actionId) => $"abm-nurture-{actionId:N}";

    public static void Settle(NurtureAction action, string status, string? reason, DateTime now)
    {
        action.Status = status;
        action.Reason = reason is { Length: > 1000 } ? reason[..1000] : reason;
        action.UpdatedAt = now;
        action.CompletedAt = status is ActionStatus.Done or ActionStatus.Skipped or ActionStatus.Parked ? now : null;
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
