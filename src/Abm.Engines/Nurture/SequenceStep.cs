using Abm.Engines.Content;
using Abm.Engines.Journey;

namespace Abm.Engines.Nurture;

/// <summary>One step of a sequence. <see cref="Next"/> names the step that follows; null means the next in the list.</summary>
public abstract record SequenceStep(string Id, string? Next);

/// <summary><c>wait</c>: pause for <see cref="Duration"/>, or until the next <see cref="Until"/> moment in the contact's time zone.</summary>
public sealed record WaitStep(string Id, string? Next, TimeSpan? Duration, WeeklyMoment? Until) : SequenceStep(Id, Next);

/// <summary>A weekday-and-time of the contact's week, e.g. Tuesday or Thursday at 10:00.</summary>
public sealed record WeeklyMoment(IReadOnlyList<DayOfWeek> Days, TimeOnly Time);

/// <summary>
/// <c>send_content</c>: email the contact one content item: <see cref="FixedContentId"/>, or else the recommender's
/// best item not yet sent to or consumed by the contact, limited to <see cref="Types"/> and <see cref="Stages"/> when given.
/// </summary>
public sealed record SendContentStep(
    string Id, string? Next, string? FixedContentId, IReadOnlyList<ContentType> Types, IReadOnlyList<JourneyStage> Stages) : SequenceStep(Id, Next);

/// <summary><c>create_task</c>: a HubSpot task for the chosen owner, due <see cref="DueInDays"/> days after it is created.</summary>
public sealed record CreateTaskStep(string Id, string? Next, string Title, TaskOwner Owner, TaskPriority Priority, int DueInDays) : SequenceStep(Id, Next);

/// <summary>Whose task it is: the contact's owner, the account's owner, or a named HubSpot owner.</summary>
public sealed record TaskOwner(TaskOwnerKind Kind, string? OwnerId = null);

/// <summary>Kinds of task owner.</summary>
public enum TaskOwnerKind
{
    /// <summary><c>contact_owner</c></summary>
    ContactOwner,

    /// <summary><c>account_owner</c></summary>
    AccountOwner,

    /// <summary><c>named</c>: the HubSpot owner with the given id.</summary>
    Named,
}

/// <summary>HubSpot task priorities.</summary>
public enum TaskPriority
{
    /// <summary><c>LOW</c></summary>
    Low,

    /// <summary><c>MEDIUM</c></summary>
    Medium,

    /// <summary><c>HIGH</c></summary>
    High,
}

/// <summary><c>update_property</c>: set a HubSpot contact property (through the write-back outbox).</summary>
public sealed record UpdatePropertyStep(string Id, string? Next, string Property, string Value) : SequenceStep(Id, Next);

/// <summary><c>add_to_list</c> / <c>remove_from_list</c>: change the contact's membership of a static HubSpot list.</summary>
public sealed record ListMembershipStep(string Id, string? Next, string ListId, bool Add) : SequenceStep(Id, Next);

/// <summary><c>branch</c>: go to <see cref="Then"/> (or the next step when null) if the condition holds, else to <see cref="Else"/>.</summary>
public sealed record BranchStep(string Id, string? Then, string Else, BranchCondition Condition) : SequenceStep(Id, Then);

/// <summary><c>end</c>: the enrolment completes here.</summary>
public sealed record EndStep(string Id) : SequenceStep(Id, null);
