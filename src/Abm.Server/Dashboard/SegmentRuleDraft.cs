using Abm.Server.Features.Sync;

namespace Abm.Server.Dashboard;

/// <summary>
/// One segment rule as the settings form holds it while someone edits it; public because it is a component
/// parameter. Checked with the API's own rules (<see cref="SegmentRuleInput"/>) before it is sent.
/// </summary>
public sealed class SegmentRuleDraft
{
    /// <summary>The operators a rule may use, in the API's wire names.</summary>
    public static readonly IReadOnlyList<string> Operators = ["contains", "equals", "starts_with", "ends_with", "is_known"];

    public string? Segment { get; set; }
    public string? Property { get; set; }
    public string Operator { get; set; } = "contains";
    public string? Value { get; set; }

    internal SegmentRuleInput ToInput() =>
        new((Segment ?? "").Trim(), (Property ?? "").Trim(), Operator, Operator == "is_known" || string.IsNullOrWhiteSpace(Value) ? null : Value.Trim());

    internal static SegmentRuleDraft From(SegmentRuleInput rule) => new() { Segment = rule.Segment, Property = rule.Property, Operator = rule.Operator, Value = rule.Value };

    /// <summary>The messages of every rule broken, each naming the rule by its place in the list (1-based).</summary>
    internal static IReadOnlyList<string> Problems(IReadOnlyList<SegmentRuleDraft> drafts) =>
        [.. drafts.SelectMany((draft, i) => FormChecks.Problems(draft.ToInput()).Select(problem => $"Rule {i + 1}: {problem}"))];
}
