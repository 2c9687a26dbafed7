using System.Globalization;

namespace Abm.Engines.Nurture;

/// <summary>
/// Moves an enrolment through its sequence: goals are checked before every step, waits that are over and
/// branches are passed at once, and it stops at the first step that acts on HubSpot, at a wait still
/// running, at a goal or at the end. Pure: the clock and the contact's facts are inputs.
/// </summary>
public static class NurtureStepper
{
    /// <summary>The next move of an enrolment at <paramref name="position"/>, as of <paramref name="now"/>.</summary>
    public static NurtureDecision Next(SequenceDefinition definition, EnrollmentPosition position, NurtureFacts facts, DateTimeOffset now)
    {
        var trail = new List<string>();
        var waitsPassed = new HashSet<string>(StringComparer.Ordinal);
        // The graph check forbids loops without a wait, and a wait is passed at most once a call, so a walk
        // passes each step at most twice; the bound only protects against a definition that skipped the check.
        for (var hops = 0; hops <= 2 * definition.Steps.Count; hops++)
        {
            foreach (var goal in definition.Goals.Where(facts.GoalsReached.Contains))
            {
                trail.Add($"goal {goal.ToWireName()} reached: exit");
                return new ExitForGoal(position, trail, goal);
            }

            var step = definition.StepById(position.StepId)
                ?? throw new ArgumentException($"Step '{position.StepId}' is not in the sequence.", nameof(position));
            string? next;
            switch (step)
            {
                case EndStep:
                    trail.Add($"end '{step.Id}'");
                    return new Complete(position, trail);
                case WaitStep wait:
                    if (!waitsPassed.Add(wait.Id))
                    {
                        // Back at a wait already passed on this walk (a loop processed late): the facts are those
                        // of now, so going round again would only repeat the same branches; wait from now.
                        position = new EnrollmentPosition(wait.Id, now);
                    }

                    var due = WaitSchedule.DueAt(wait, position.ReachedAt, facts.TimeZone);
                    if (due > now)
                    {
                        return new WaitUntil(position, trail, due);
                    }

                    trail.Add(string.Create(CultureInfo.InvariantCulture, $"wait '{wait.Id}' ended {due:yyyy-MM-dd HH:mm} UTC"));
                    next = wait.Next ?? definition.DefaultNext(wait);
                    position = next is null ? position : new EnrollmentPosition(next, due);
                    break;
                case BranchStep branch:
                    var (holds, why) = Evaluate(branch.Condition, facts, now);
                    next = holds ? branch.Then ?? definition.DefaultNext(branch) : branch.Else;
                    trail.Add($"branch '{branch.Id}': {why}, so {(holds ? "then" : "else")} '{next ?? "(end)"}'");
                    position = next is null ? position : new EnrollmentPosition(next, position.ReachedAt);
                    break;
                default:
                    return new PerformStep(position, trail, step, step.Next ?? definition.DefaultNext(step));
            }

            if (next is null)
            {
                return new Complete(position, trail);
            }
        }

        throw new InvalidOperationException("The sequence loops without a wait; check it with SequenceGraphCheck first.");
    }

    /// <summary>Whether a branch condition holds for the contact, and the reason in words.</summary>
    public static (bool Holds, string Why) Evaluate(BranchCondition condition, NurtureFacts facts, DateTimeOffset now) => condition switch
    {
        ScoreCondition score => Within(facts.Score, score),
        StageCondition stage => Member(facts.Stage.ToWireName(), stage.Stages.Contains(facts.Stage), "stage"),
        PersonaCondition persona => Member(facts.Persona.ToWireName(), persona.Personas.Contains(facts.Persona), "persona"),
        SegmentCondition segment => InSegment(facts.Segments, segment.Segment),
        EngagedWithLastSentCondition engaged => EngagedWithin(facts.LastSend, engaged.WithinDays),
        LastEmailCondition email => Opened(facts.LastSend, email.RequireClick),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "Unknown condition."),
    };

    private static (bool, string) Within(double score, ScoreCondition condition)
    {
        var holds = (condition.AtLeast is not { } low || score >= low) && (condition.AtMost is not { } high || score <= high);
        return (holds, string.Create(CultureInfo.InvariantCulture,
            $"score {score:0.#} {(holds ? "is" : "is not")} within {Bound(condition.AtLeast, "0")}..{Bound(condition.AtMost, "100")}"));
    }

    private static (bool, string) InSegment(IReadOnlySet<string> segments, string segment)
    {
        var holds = segments.Contains(segment);
        return (holds, $"the contact {(holds ? "is" : "is not")} in segment '{segment}'");
    }

    private static string Bound(double? value, string open) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : open;

    private static (bool, string) Member(string value, bool holds, string what) => (holds, $"{what} {value} {(holds ? "is" : "is not")} one of those named");

    private static (bool, string) EngagedWithin(LastSend? last, int days)
    {
        if (last is null)
        {
            return (false, "nothing was sent yet");
        }

        var holds = last.EngagedWithItemAt is { } at && at - last.SentAt <= TimeSpan.FromDays(days);
        return (holds, $"the contact {(holds ? "engaged" : "did not engage")} with the last item within {days} days of sending");
    }

    private static (bool, string) Opened(LastSend? last, bool requireClick)
    {
        var verb = requireClick ? "clicked" : "opened";
        if (last is null)
        {
            return (false, "no email was sent yet");
        }

        var holds = requireClick ? last.ClickedAt is not null : last.OpenedAt is not null || last.ClickedAt is not null;
        return (holds, $"the last email {(holds ? "was" : "was not")} {verb}");
    }
}
