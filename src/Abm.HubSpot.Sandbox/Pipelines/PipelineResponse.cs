using System.Globalization;
using Abm.HubSpot.Sandbox.Http;

namespace Abm.HubSpot.Sandbox.Pipelines;

/// <summary>A stage as the pipelines v3 API answers it: its metadata values are strings, as HubSpot sends them.</summary>
internal sealed record StageResponse(
    string Id, string Label, int DisplayOrder, IReadOnlyDictionary<string, string> Metadata, string CreatedAt, string UpdatedAt, bool Archived, string WritePermissions)
{
    public static StageResponse Of(DealStage stage) => new(
        stage.Id, stage.Label, stage.DisplayOrder,
        new Dictionary<string, string>
        {
            ["isClosed"] = stage.IsClosed ? "true" : "false",
            ["probability"] = stage.Probability.ToString("0.0##", CultureInfo.InvariantCulture),
        },
        HubSpotTime.Format(stage.CreatedAt), HubSpotTime.Format(stage.CreatedAt), false, "CRM_PERMISSIONS_ENFORCEMENT");
}

/// <summary>A pipeline as the pipelines v3 API answers it, stages in display order.</summary>
internal sealed record PipelineResponse(string Id, string Label, int DisplayOrder, IReadOnlyList<StageResponse> Stages, string CreatedAt, string UpdatedAt, bool Archived)
{
    public static PipelineResponse Of(DealPipeline pipeline) => new(
        pipeline.Id, pipeline.Label, pipeline.DisplayOrder, [.. pipeline.Stages.OrderBy(s => s.DisplayOrder).Select(StageResponse.Of)],
        HubSpotTime.Format(pipeline.CreatedAt), HubSpotTime.Format(pipeline.UpdatedAt), false);
}
