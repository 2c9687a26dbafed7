using System.Text.Json;
using Abm.Data.Entities;

namespace Abm.Server.Features.Nurture;

internal sealed record SequenceSummary(Guid Id, string Key, string Name, string? Description, string Status, int Version, DateTime UpdatedAt)
{
    public static SequenceSummary From(NurtureSequence s) => new(s.Id, s.Key, s.Name, s.Description, s.Status, s.Version, s.UpdatedAt);
}

internal sealed record SequenceDetail(Guid Id, string Key, string Name, string? Description, string Status, int Version, DateTime CreatedAt, DateTime UpdatedAt, JsonElement Document)
{
    public static SequenceDetail From(NurtureSequence s) =>
        new(s.Id, s.Key, s.Name, s.Description, s.Status, s.Version, s.CreatedAt, s.UpdatedAt, JsonDocument.Parse(s.Definition).RootElement.Clone());
}

internal sealed record SequenceVersionResponse(int Version, DateTime CreatedAt, string CreatedBy, JsonElement Document)
{
    public static SequenceVersionResponse From(NurtureSequenceVersion v) =>
        new(v.Version, v.CreatedAt, v.CreatedBy, JsonDocument.Parse(v.Definition).RootElement.Clone());
}

internal sealed record ValidationOutcome(bool Valid, IReadOnlyList<ProblemAtPath> Problems);

internal sealed record ProblemAtPath(string Path, string Message);

internal sealed record TemplateSummary(string Key, string Name, string? Description);

internal sealed record DryRunRequest(Guid ContactId, DateTimeOffset? Start, int? HorizonDays, string? TimeZone);

internal sealed record DryRunResponse(Guid SequenceId, int Version, Guid ContactId, DateTimeOffset Start, string TimeZone, IReadOnlyList<DryRunStep> Steps);

internal sealed record DryRunStep(DateTimeOffset At, string StepId, string Action, IReadOnlyList<string> Why);
