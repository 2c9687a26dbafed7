using System.Security.Claims;
using Abm.HubSpot;
using Abm.HubSpot.Pipelines;
using Abm.Server.Errors;
using Abm.Server.Features.Access;
using Abm.Server.Features.Connections;

namespace Abm.Server.Features.HubSpotRecords;

/// <summary>A pipeline stage as the API answers it: HubSpot's id (a deal's <c>dealstage</c>), label, order, win probability and whether it closes the deal.</summary>
internal sealed record PipelineStageResponse(string Id, string Label, int DisplayOrder, double? Probability, bool? IsClosed, bool Archived, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt)
{
    public static PipelineStageResponse From(PipelineStage stage) =>
        new(stage.Id, stage.Label, stage.DisplayOrder, stage.Probability, stage.IsClosed, stage.Archived, stage.CreatedAt, stage.UpdatedAt);
}

internal sealed record PipelineResponse(string Id, string Label, int DisplayOrder, bool Archived, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, IReadOnlyList<PipelineStageResponse> Stages)
{
    public static PipelineResponse From(Pipeline pipeline) => new(
        pipeline.Id, pipeline.Label, pipeline.DisplayOrder, pipeline.Archived, pipeline.CreatedAt, pipeline.UpdatedAt, [.. pipeline.Stages.Select(PipelineStageResponse.From)]);
}

/// <summary>The pipelines as cached: <c>readAt</c> is when they were read from HubSpot (at most five minutes ago, or when a write named a stage they lacked).</summary>
internal sealed record PipelineListResponse(IReadOnlyList<PipelineResponse> Results, DateTimeOffset ReadAt);

internal sealed record PipelineStagesResponse(string PipelineId, IReadOnlyList<PipelineStageResponse> Results, DateTimeOffset ReadAt);

/// <summary>The portal's deal pipelines and their stages, from <see cref="PortalCatalogs"/> (the cache writes are checked against).</summary>
internal sealed class PipelineHandlers(HubSpotClients clients, PortalCatalogs catalogs)
{
    public async Task<IResult> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await clients.GetAsync(user.WorkspaceId(), cancellationToken) is not { } client)
        {
            return HubSpotProblems.NotConnected();
        }

        try
        {
            var pipelines = await catalogs.PipelinesAsync(user.WorkspaceId(), client, cancellationToken);
            return TypedResults.Ok(new PipelineListResponse([.. pipelines.Value.Select(PipelineResponse.From)], pipelines.ReadAt));
        }
        catch (Exception error) when (HubSpotFailure.Is(error))
        {
            return HubSpotProblems.From(error);
        }
    }

    public async Task<IResult> StagesAsync(string id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (id.Length > 100 || ControlCharacters.Problem("id", id) is not null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["A pipeline id as HubSpot gives it (at most 100 characters)."] });
        }

        if (await clients.GetAsync(user.WorkspaceId(), cancellationToken) is not { } client)
        {
            return HubSpotProblems.NotConnected();
        }

        try
        {
            var pipelines = await catalogs.PipelinesAsync(user.WorkspaceId(), client, cancellationToken);
            if (pipelines.Value.All(p => p.Id != id))
            {
                // Created in HubSpot since the cache was filled, perhaps.
                pipelines = await catalogs.ReloadPipelinesAsync(user.WorkspaceId(), client, id, cancellationToken) ?? pipelines;
            }

            return pipelines.Value.FirstOrDefault(p => p.Id == id) is { } pipeline
                ? TypedResults.Ok(new PipelineStagesResponse(pipeline.Id, [.. pipeline.Stages.Select(PipelineStageResponse.From)], pipelines.ReadAt))
                : ApiProblems.NotFound("Pipeline not found", $"The portal has no deal pipeline '{id}'.");
        }
        catch (Exception error) when (HubSpotFailure.Is(error))
        {
            return HubSpotProblems.From(error);
        }
    }
}
