namespace Abm.Engines.Nurture;

/// <summary>Wire names of the sequence document's closed sets (snake_case; task priorities as HubSpot spells them).</summary>
public static class NurtureWireNames
{
    internal static readonly WireNameMap<SequenceGoal> Goals = new(WireNameStyle.LowerSnake);
    internal static readonly WireNameMap<ReenrollmentPolicy> Reenrollments = new(WireNameStyle.LowerSnake);
    internal static readonly WireNameMap<ActionFailurePolicy> FailurePolicies = new(WireNameStyle.LowerSnake);
    internal static readonly WireNameMap<CrossingDirection> Directions = new(WireNameStyle.LowerSnake);
    internal static readonly WireNameMap<LeadPriority> LeadPriorities = new(WireNameStyle.LowerSnake);
    internal static readonly WireNameMap<TaskOwnerKind> OwnerKinds = new(WireNameStyle.LowerSnake);
    internal static readonly WireNameMap<TaskPriority> TaskPriorities = new(WireNameStyle.UpperSnake);
    internal static readonly WireNameMap<DayOfWeek> Days = new(WireNameStyle.LowerSnake);

    /// <summary><c>meeting_booked</c>, <c>unsubscribe</c>, ...</summary>
    public static string ToWireName(this SequenceGoal value) => Goals.NameOf(value);

    /// <summary><c>HIGH</c>, <c>MEDIUM</c>, <c>LOW</c>.</summary>
    public static string ToWireName(this TaskPriority value) => TaskPriorities.NameOf(value);

    /// <summary><c>high</c>, <c>medium</c>, <c>low</c>.</summary>
    public static string ToWireName(this LeadPriority value) => LeadPriorities.NameOf(value);

    /// <summary>Parses a goal wire name.</summary>
    public static bool TryParseGoal(string? text, out SequenceGoal value) => Goals.TryParse(text, out value);

    /// <summary>Parses a lead priority wire name.</summary>
    public static bool TryParseLeadPriority(string? text, out LeadPriority value) => LeadPriorities.TryParse(text, out value);

    /// <summary>Every wire name of a map, for "expected one of" messages.</summary>
    internal static string Expected<T>(WireNameMap<T> map) where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(map.NameOf));
}
