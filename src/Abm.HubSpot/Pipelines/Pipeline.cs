namespace Abm.HubSpot.Pipelines;

/// <summary>
/// A stage of a pipeline. Records store its <see cref="Id"/> (a deal's <c>dealstage</c>). For deals HubSpot's
/// metadata carries the win <see cref="Probability"/> (0 to 1) and whether the stage closes the deal.
/// </summary>
public sealed record PipelineStage(
    string Id, string Label, int DisplayOrder, bool Archived, double? Probability, bool? IsClosed, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt);

/// <summary>A pipeline of an object type (deals: the default one has the id <c>default</c>) with its stages in display order.</summary>
public sealed record Pipeline(
    string Id, string Label, int DisplayOrder, bool Archived, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, IReadOnlyList<PipelineStage> Stages);
