using Abm.Engines.Journey;
using Abm.Engines.Personas;

namespace Abm.Engines.Nurture;

/// <summary>What the engine knows about a contact when it decides an enrolment's next move.</summary>
public sealed record NurtureFacts(
    double Score,
    JourneyStage Stage,
    Persona Persona,
    IReadOnlySet<string> Segments,
    IReadOnlySet<SequenceGoal> GoalsReached,
    LastSend? LastSend,
    TimeZoneInfo TimeZone);

/// <summary>The last email this enrolment sent and what the contact did with it (null times: not yet).</summary>
public sealed record LastSend(DateTimeOffset SentAt, DateTimeOffset? OpenedAt, DateTimeOffset? ClickedAt, DateTimeOffset? EngagedWithItemAt);

/// <summary>Where an enrolment stands: the step it is at and when it reached it.</summary>
public sealed record EnrollmentPosition(string StepId, DateTimeOffset ReachedAt);
