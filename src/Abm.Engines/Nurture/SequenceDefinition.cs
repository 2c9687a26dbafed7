namespace Abm.Engines.Nurture;

/// <summary>
/// A nurture sequence as its author wrote it: what enrols a contact, the steps it walks (a graph: each step
/// names what follows it, by default the next one in the list), the goals that end it early and the guardrail
/// settings it overrides. A definition is immutable; editing a sequence makes a new version.
/// </summary>
public sealed record SequenceDefinition(
    string Name,
    string? Description,
    IReadOnlyList<SequenceTrigger> Triggers,
    Reenrollment Reenrollment,
    IReadOnlyList<SequenceStep> Steps,
    IReadOnlyList<SequenceGoal> Goals,
    GuardrailOverrides Guardrails)
{
    /// <summary>What an enrolment does when one of its actions fails for good (is parked): go on (the default) or stop.</summary>
    public ActionFailurePolicy OnActionFailure { get; init; } = ActionFailurePolicy.Continue;

    /// <summary>The step a new enrolment starts at.</summary>
    public SequenceStep FirstStep => Steps[0];

    /// <summary>The step with this id, or null.</summary>
    public SequenceStep? StepById(string id) => Steps.FirstOrDefault(s => s.Id == id);

    /// <summary>The step that follows <paramref name="step"/> when it names none: the next in the list, or none after the last.</summary>
    public string? DefaultNext(SequenceStep step)
    {
        var index = IndexOf(step.Id);
        return index >= 0 && index + 1 < Steps.Count ? Steps[index + 1].Id : null;
    }

    private int IndexOf(string id)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>What an enrolment does after an action that failed for good.</summary>
public enum ActionFailurePolicy
{
    /// <summary><c>continue</c>: the failed action is parked and the enrolment goes on to the next step.</summary>
    Continue,

    /// <summary><c>stop</c>: the enrolment exits, its reason naming the failed step.</summary>
    Stop,
}

/// <summary>Whether and when a contact who left a sequence may be enrolled in it again.</summary>
public enum ReenrollmentPolicy
{
    /// <summary><c>never</c>: one enrolment per contact, ever.</summary>
    Never,

    /// <summary><c>after_exit</c>: again once the previous enrolment has ended.</summary>
    AfterExit,

    /// <summary><c>after_days</c>: again once the previous enrolment ended at least <see cref="Reenrollment.Days"/> ago.</summary>
    AfterDays,
}

/// <summary>The re-enrolment policy and, for <see cref="ReenrollmentPolicy.AfterDays"/>, its number of days.</summary>
public sealed record Reenrollment(ReenrollmentPolicy Policy, int? Days = null)
{
    /// <summary>The default: a contact goes through a sequence once.</summary>
    public static Reenrollment Never { get; } = new(ReenrollmentPolicy.Never);
}

/// <summary>Outcomes that end an enrolment early, checked before every step.</summary>
public enum SequenceGoal
{
    /// <summary><c>meeting_booked</c>: the contact booked a meeting.</summary>
    MeetingBooked,

    /// <summary><c>deal_created</c>: a deal was created for the contact or its account.</summary>
    DealCreated,

    /// <summary><c>demo_request</c>: the contact asked for a demo.</summary>
    DemoRequest,

    /// <summary><c>reply</c>: the contact replied to an email.</summary>
    Reply,

    /// <summary><c>unsubscribe</c>: the contact unsubscribed or opted out of email.</summary>
    Unsubscribe,
}

/// <summary>
/// Guardrail settings a sequence overrides; null keeps the workspace's setting. Consent is never overridable:
/// a contact who opted out is never emailed.
/// </summary>
public sealed record GuardrailOverrides(
    int? MaxTouchesPerContactPerWeek = null,
    int? MaxTouchesPerAccountPerDay = null,
    bool? RespectQuietHours = null,
    bool? SkipWeekends = null)
{
    /// <summary>No overrides.</summary>
    public static GuardrailOverrides None { get; } = new();
}
