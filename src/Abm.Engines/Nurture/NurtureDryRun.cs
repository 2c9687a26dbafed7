using System.Globalization;

namespace Abm.Engines.Nurture;

/// <summary>One thing a dry run says the enrolment would do, when, and why it got there.</summary>
public sealed record DryRunEntry(DateTimeOffset At, string StepId, string Action, IReadOnlyList<string> Why);

/// <summary>
/// Walks a contact through a sequence on a simulated clock without acting: each step it would take, in order,
/// with the branches and waits that led there. The contact's facts stay as given (the dry run cannot know how
/// the contact will respond), so it shows the path those facts lead to.
/// </summary>
public static class NurtureDryRun
{
    /// <summary>Every move from <paramref name="start"/> until the enrolment ends or <paramref name="horizon"/> passes.</summary>
    public static IReadOnlyList<DryRunEntry> Simulate(SequenceDefinition definition, NurtureFacts facts, DateTimeOffset start, TimeSpan horizon)
    {
        var entries = new List<DryRunEntry>();
        var position = new EnrollmentPosition(definition.FirstStep.Id, start);
        var clock = start;
        var end = start + horizon;
        while (clock <= end)
        {
            switch (NurtureStepper.Next(definition, position, facts, clock))
            {
                case WaitUntil wait:
                    if (wait.Due > end)
                    {
                        entries.Add(new DryRunEntry(wait.Due, wait.Position.StepId, "still waiting when the horizon ends", wait.Trail));
                        return entries;
                    }

                    clock = wait.Due;
                    position = wait.Position;
                    break;
                case PerformStep perform:
                    entries.Add(new DryRunEntry(clock, perform.Step.Id, Describe(perform.Step), perform.Trail));
                    if (perform.NextStepId is null)
                    {
                        entries.Add(new DryRunEntry(clock, perform.Step.Id, "complete: no step follows", []));
                        return entries;
                    }

                    position = new EnrollmentPosition(perform.NextStepId, clock);
                    break;
                case ExitForGoal exit:
                    entries.Add(new DryRunEntry(clock, exit.Position.StepId, $"exit: goal {exit.Goal.ToWireName()} reached", exit.Trail));
                    return entries;
                case Complete complete:
                    entries.Add(new DryRunEntry(clock, complete.Position.StepId, "complete", complete.Trail));
                    return entries;
            }
        }

        return entries;
    }

    /// <summary>A step's action in words.</summary>
    public static string Describe(SequenceStep step) => step switch
    {
        SendContentStep { FixedContentId: { } id } => $"email content item '{id}'",
        SendContentStep send => $"email the recommender's best item not yet sent or consumed{Limits(send)}",
        CreateTaskStep task => string.Create(CultureInfo.InvariantCulture,
            $"create a {task.Priority.ToWireName()} task '{task.Title}' for {Owner(task.Owner)}, due in {task.DueInDays} day(s)"),
        UpdatePropertyStep update => $"set property {update.Property} to '{update.Value}'",
        ListMembershipStep list => list.Add ? $"add to HubSpot list {list.ListId}" : $"remove from HubSpot list {list.ListId}",
        _ => step.GetType().Name,
    };

    private static string Limits(SendContentStep send)
    {
        var limits = send.Types.Select(t => t.ToWireName()).Concat(send.Stages.Select(s => s.ToWireName())).ToList();
        return limits.Count == 0 ? "" : $" among {string.Join(", ", limits)}";
    }

    private static string Owner(TaskOwner owner) => owner.Kind switch
    {
        TaskOwnerKind.ContactOwner => "the contact's owner",
        TaskOwnerKind.AccountOwner => "the account's owner",
        _ => $"owner {owner.OwnerId}",
    };
}
