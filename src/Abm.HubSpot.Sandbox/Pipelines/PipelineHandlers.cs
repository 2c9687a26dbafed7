using Abm.HubSpot.Sandbox.Auth;
using Abm.HubSpot.Sandbox.Crm;
using Abm.HubSpot.Sandbox.Http;
using Abm.HubSpot.Sandbox.Portals;

namespace Abm.HubSpot.Sandbox.Pipelines;

/// <summary>Reads deal pipelines and their stages, and creates pipelines (whose stages become <c>dealstage</c> options).</summary>
internal static class PipelineHandlers
{
    public static IResult List(string objectType, HttpContext http) =>
        IsDeals(objectType)
            ? Caller.Of(http).Portal.Read(state => SandboxJson.Json(new { results = state.DealPipelines.OrderBy(p => p.DisplayOrder).ThenBy(p => p.Label, StringComparer.Ordinal).Select(PipelineResponse.Of).ToList() }))
            : HubSpotErrors.UnknownObjectType(objectType);

    public static IResult Get(string objectType, string pipelineId, HttpContext http) =>
        Answer(objectType, pipelineId, http, pipeline => SandboxJson.Json(PipelineResponse.Of(pipeline)));

    public static IResult ListStages(string objectType, string pipelineId, HttpContext http) =>
        Answer(objectType, pipelineId, http, pipeline => SandboxJson.Json(new { results = PipelineResponse.Of(pipeline).Stages }));

    public static IResult GetStage(string objectType, string pipelineId, string stageId, HttpContext http) =>
        Answer(objectType, pipelineId, http, pipeline => pipeline.Stage(stageId) is { } stage
            ? SandboxJson.Json(StageResponse.Of(stage))
            : HubSpotErrors.NotFound($"Unable to find stage {stageId} in pipeline {pipelineId}"));

    public static async Task<IResult> CreateAsync(string objectType, HttpContext http, RecordWriter writer, CancellationToken cancellationToken)
    {
        if (!IsDeals(objectType))
        {
            return HubSpotErrors.UnknownObjectType(objectType);
        }

        var (body, bodyError) = await JsonBody.ReadObjectAsync(http.Request, cancellationToken);
        var (input, inputError) = body is null ? (null, bodyError) : PipelineInput.Parse(body);
        if (input is null)
        {
            return inputError!;
        }

        return writer.Locked(Caller.Of(http).Portal, context =>
        {
            var state = context.State;
            if (state.DealPipelines.Any(p => string.Equals(p.Label, input.Label, StringComparison.OrdinalIgnoreCase)))
            {
                return HubSpotErrors.Conflict($"A pipeline with label {input.Label} already exists");
            }

            var pipeline = input.Create(state, context.Now);
            state.DealPipelines.Add(pipeline);
            DealStageOptions.Add(state, pipeline, context.Now);
            return SandboxJson.Json(PipelineResponse.Of(pipeline), StatusCodes.Status201Created);
        });
    }

    private static IResult Answer(string objectType, string pipelineId, HttpContext http, Func<DealPipeline, IResult> answer) =>
        IsDeals(objectType)
            ? Caller.Of(http).Portal.Read(state => Find(state, pipelineId) is { } pipeline
                ? answer(pipeline)
                : HubSpotErrors.NotFound($"Unable to find pipeline {pipelineId}"))
            : HubSpotErrors.UnknownObjectType(objectType);

    public static DealPipeline? Find(PortalState state, string pipelineId) => state.DealPipelines.FirstOrDefault(p => p.Id == pipelineId);

    private static bool IsDeals(string objectType) => CrmObjectTypes.Find(objectType) == CrmObjectTypes.Deals;
}
