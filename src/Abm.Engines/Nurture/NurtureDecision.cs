namespace Abm.Engines.Nurture;

/// <summary>The enrolment's next move, with the steps passed on the way (branches taken, waits over) and why.</summary>
public abstract record NurtureDecision(EnrollmentPosition Position, IReadOnlyList<string> Trail);

/// <summary>Perform <see cref="Step"/> now; afterwards the enrolment moves to <see cref="NextStepId"/> (null: it completes).</summary>
public sealed record PerformStep(EnrollmentPosition Position, IReadOnlyList<string> Trail, SequenceStep Step, string? NextStepId) : NurtureDecision(Position, Trail);

/// <summary>Nothing to do before <see cref="Due"/>, when the wait the enrolment is at ends.</summary>
public sealed record WaitUntil(EnrollmentPosition Position, IReadOnlyList<string> Trail, DateTimeOffset Due) : NurtureDecision(Position, Trail);

/// <summary>The contact reached one of the sequence's goals: the enrolment exits.</summary>
public sealed record ExitForGoal(EnrollmentPosition Position, IReadOnlyList<string> Trail, SequenceGoal Goal) : NurtureDecision(Position, Trail);

/// <summary>The enrolment walked off its last step or reached an end step.</summary>
public sealed record Complete(EnrollmentPosition Position, IReadOnlyList<string> Trail) : NurtureDecision(Position, Trail);
