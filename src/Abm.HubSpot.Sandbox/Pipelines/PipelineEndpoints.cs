using Abm.HubSpot.Sandbox.Auth;

namespace Abm.HubSpot.Sandbox.Pipelines;

/// <summary>
/// Routes of the CRM pipelines v3 API for deals. HubSpot accepts any of the object type's scopes for pipelines; the
/// sandbox asks for the deals read scope to read and the deals write scope to create.
/// </summary>
internal static class PipelineEndpoints
{
    public const string ReadScope = "crm.objects.deals.read";
    public const string WriteScope = "crm.objects.deals.write";

    public static IEndpointRouteBuilder MapPipelineEndpoints(this IEndpointRouteBuilder app)
    {
        var pipelines = app.MapGroup("/crm/v3/pipelines/{objectType}");
        pipelines.MapGet("", PipelineHandlers.List).RequiresScope(ReadScope);
        pipelines.MapPost("", PipelineHandlers.CreateAsync).RequiresScope(WriteScope);
        pipelines.MapGet("/{pipelineId}", PipelineHandlers.Get).RequiresScope(ReadScope);
        pipelines.MapGet("/{pipelineId}/stages", PipelineHandlers.ListStages).RequiresScope(ReadScope);
        pipelines.MapGet("/{pipelineId}/stages/{stageId}", PipelineHandlers.GetStage).RequiresScope(ReadScope);
        return app;
    }
}
