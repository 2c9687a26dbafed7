using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Abm.Data.Entities;
using Abm.Engines.Segments;

namespace Abm.Server.Features.Sync;

/// <summary>The sync request of the product's first API: <c>sync_type</c> full (or its alias all) or incremental, and an optional contact cap for trials.</summary>
internal sealed record SyncRequest(
    [property: JsonPropertyName("sync_type"), AllowedValues(null, "full", "all", "incremental", ErrorMessage = "sync_type must be full, all or incremental.")] string? SyncType,
    [property: JsonPropertyName("max_contacts"), Range(1, 10_000_000)] int? MaxContacts)
{
    public string Kind => SyncType is "incremental" ? SyncKinds.Incremental : SyncKinds.Full;
}

internal sealed record SyncRunResponse(
    Guid Id, string Kind, string Status, string Trigger, int? MaxContacts, int Pages, int Records, int Errors, int ApiCalls, int RateLimited,
    string? Error, DateTime StartedAt, DateTime? FinishedAt, double? DurationSeconds, DateTime? AbandonedAt, string? AbandonedReason)
{
    public static SyncRunResponse From(SyncRun run) => new(
        run.Id, run.Kind, run.Status, run.Trigger, run.MaxContacts, run.Pages, run.Records, run.Errors, run.ApiCalls, run.RateLimited, run.Error,
        run.StartedAt, run.FinishedAt, run.FinishedAt is { } end && run.Status != SyncRunStatus.Queued ? (end - run.StartedAt).TotalSeconds : null,
        run.AbandonedAt, run.AbandonedReason);
}

internal sealed record SyncObjectState(string ObjectType, bool FullSyncCompleted, DateTime? FullSyncStartedAt, DateTime? IncrementalWatermark, DateTime? LastRunAt);

internal sealed record SyncStatsResponse(
    int TotalContacts, int Companies, int Deals, int Owners, IReadOnlyDictionary<string, int> BySegment,
    SyncRunResponse? LastRun, IReadOnlyList<SyncRunResponse> RecentRuns, IReadOnlyList<SyncObjectState> Objects);

internal sealed record SegmentRulesDocument([property: Required] IReadOnlyList<SegmentRuleInput> Rules);

internal sealed record SegmentRuleInput(
    [property: Required, RegularExpression("^[a-z0-9_]{1,50}$", ErrorMessage = "segment must be 1-50 lower-case letters, digits or underscores.")] string Segment,
    [property: Required, StringLength(100, MinimumLength = 1)] string Property,
    [property: Required, AllowedValues("contains", "equals", "starts_with", "ends_with", "is_known",
        ErrorMessage = "operator must be contains, equals, starts_with, ends_with or is_known.")] string Operator,
    [property: StringLength(500)] string? Value) : IValidatableObject
{
    public SegmentRule ToRule() => new(Segment, Property.Trim(), OperatorOf(Operator), Value);

    public static SegmentRuleInput From(SegmentRule rule) => new(rule.Segment, rule.Property, NameOf(rule.Operator), rule.Value);

    // One table both ways, so the wire names and the operators cannot drift apart.
    private static readonly (string Name, SegmentOperator Operator)[] Operators =
    [
        ("contains", SegmentOperator.Contains), ("equals", SegmentOperator.Equals), ("starts_with", SegmentOperator.StartsWith),
        ("ends_with", SegmentOperator.EndsWith), ("is_known", SegmentOperator.IsKnown),
    ];

    private static SegmentOperator OperatorOf(string name) => Operators.Single(o => o.Name == name).Operator;

    private static string NameOf(SegmentOperator op) => Operators.Single(o => o.Operator == op).Name;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ContactSegmenter.BuiltIn.Contains(Segment))
        {
            yield return new ValidationResult($"'{Segment}' is a built-in segment; give the rule another name.", [nameof(Segment)]);
        }

        if (Operator != "is_known" && string.IsNullOrWhiteSpace(Value))
        {
            yield return new ValidationResult($"operator {Operator} needs a value.", [nameof(Value)]);
        }
    }
}
