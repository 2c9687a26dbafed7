using Abm.Engines.Journey;
using Abm.Engines.Personas;

namespace Abm.Engines.Nurture;

/// <summary>What a <see cref="BranchStep"/> tests about the contact when it is reached.</summary>
public abstract record BranchCondition;

/// <summary><c>score</c>: the engagement score is within [<see cref="AtLeast"/>, <see cref="AtMost"/>] (either bound may be open).</summary>
public sealed record ScoreCondition(double? AtLeast, double? AtMost) : BranchCondition;

/// <summary><c>stage</c>: the journey stage is one of <see cref="Stages"/>.</summary>
public sealed record StageCondition(IReadOnlyList<JourneyStage> Stages) : BranchCondition;

/// <summary><c>persona</c>: the persona is one of <see cref="Personas"/>.</summary>
public sealed record PersonaCondition(IReadOnlyList<Persona> Personas) : BranchCondition;

/// <summary><c>segment</c>: the contact is in the named segment.</summary>
public sealed record SegmentCondition(string Segment) : BranchCondition;

/// <summary><c>engaged_with_last_sent</c>: the contact engaged with the last item this enrolment sent within <see cref="WithinDays"/> days of sending it.</summary>
public sealed record EngagedWithLastSentCondition(int WithinDays) : BranchCondition;

/// <summary><c>opened_last_email</c> / <c>clicked_last_email</c>: the last email this enrolment sent was opened (or clicked).</summary>
public sealed record LastEmailCondition(bool RequireClick) : BranchCondition;
