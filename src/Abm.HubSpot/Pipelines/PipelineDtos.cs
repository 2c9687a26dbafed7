using System.Globalization;
using System.Text.Json;

namespace Abm.HubSpot.Pipelines;

// Wire shapes of the pipelines API; every field optional. Stage metadata is a map whose values HubSpot sends as
// strings ("0.2", "true"); numbers and booleans are read too.
internal sealed record PipelineListDto(List<PipelineDto>? Results);

internal sealed record PipelineStageListDto(List<PipelineStageDto>? Results);

internal sealed record PipelineDto(string? Id, string? Label, int? DisplayOrder, bool? Archived, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, List<PipelineStageDto>? Stages)
{
    public Pipeline ToPipeline() => new(
        Id ?? "", Label ?? "", DisplayOrder ?? 0, Archived ?? false, CreatedAt, UpdatedAt,
        [.. (Stages ?? []).Select(s => s.ToStage()).OrderBy(s => s.DisplayOrder)]);
}

internal sealed record PipelineStageDto(
    string? Id, string? Label, int? DisplayOrder, bool? Archived, Dictionary<string, JsonElement>? Metadata, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt)
{
    public PipelineStage ToStage() => new(
        Id ?? "", Label ?? "", DisplayOrder ?? 0, Archived ?? false, Number(Metadata, "probability"), Flag(Metadata, "isClosed"), CreatedAt, UpdatedAt);

    private static double? Number(Dictionary<string, JsonElement>? metadata, string name) => metadata?.GetValueOrDefault(name) switch
    {
        { ValueKind: JsonValueKind.Number } number => number.GetDouble(),
        { ValueKind: JsonValueKind.String } text when double.TryParse(text.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };

    private static bool? Flag(Dictionary<string, JsonElement>? metadata, string name) => metadata?.GetValueOrDefault(name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } text when bool.TryParse(text.GetString(), out var value) => value,
        _ => null,
    };
}
