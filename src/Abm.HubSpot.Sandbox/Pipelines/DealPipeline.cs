namespace Abm.HubSpot.Sandbox.Pipelines;

/// <summary>A stage of a deal pipeline; deals store its <see cref="Id"/> as their <c>dealstage</c>.</summary>
internal sealed record DealStage(string Id, string Label, int DisplayOrder, double Probability, bool IsClosed, DateTimeOffset CreatedAt);

/// <summary>A deal pipeline with its stages in display order; deals store its <see cref="Id"/> as their <c>pipeline</c>.</summary>
internal sealed record DealPipeline(string Id, string Label, int DisplayOrder, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<DealStage> Stages)
{
    public DealStage? Stage(string stageId) => Stages.FirstOrDefault(s => s.Id == stageId);
}
